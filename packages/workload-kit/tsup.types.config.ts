import { defineConfig } from 'tsup';
import { PUBLIC_ENTRIES } from './tsup.config.js';

// The declarations beside the JavaScript `pnpm run build` wrote (see tsup.config.ts): the `types` task,
// which type checks and publishing depend on.
export default defineConfig({
  entry: PUBLIC_ENTRIES,
  format: ['esm'],
  target: 'node22',
  dts: { only: true },
  clean: false,
  external: [/^@kubernetes-models\//, /^kubernetes-models\//, /^@ultron\//],
});
