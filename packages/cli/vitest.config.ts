import { defineConfig } from 'vitest/config';
import SummaryReporter from '../../testing/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The default output, then one plain line of counts and every skip's reason (testing/).
    reporters: ['default', new SummaryReporter()],
    // Commands run as child processes against repo copies; a full render takes a second or two.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
