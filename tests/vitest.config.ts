import { defineConfig } from 'vitest/config';
import SummaryReporter from '../testing/summary-reporter.js';

export default defineConfig({
  test: {
    // The default output, then one plain line of counts and every skip's reason (testing/).
    reporters: ['default', new SummaryReporter()],
    // Compiling a CRD or chart schema, or running promtool/shellcheck/Lua, takes seconds on a loaded
    // 2-core machine; 5 s flakes there.
    testTimeout: 30_000,
  },
});
