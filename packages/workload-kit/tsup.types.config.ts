import { defineConfig } from 'tsup';

// The declarations beside the JavaScript `pnpm run build` wrote (see tsup.config.ts): the `types` task,
// which type checks and publishing depend on.
export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm'],
  target: 'node22',
  dts: { only: true },
  clean: false,
  external: [/^@kubernetes-models\//, /^kubernetes-models\//, /^@ultron\//],
});
