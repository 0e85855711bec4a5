import { defineConfig } from 'vitest/config';
import SummaryReporter from '../testing/summary-reporter.js';

export default defineConfig({
  test: {
    // The default output, then one plain line of counts and every skip's reason (testing/).
    reporters: ['default', new SummaryReporter()],
  },
});
