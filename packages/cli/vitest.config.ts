import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Commands run as child processes against repo copies; a full render takes a second or two.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
