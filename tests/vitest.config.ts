import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The first strict-schema test compiles the pinned CRDs' validators, and the behaviour tests run
    // promtool, shellcheck and Lua as processes: seconds each on a busy 2-core machine, not a hang.
    testTimeout: 30_000,
  },
});
