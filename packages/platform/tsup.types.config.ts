import { defineConfig } from 'tsup';

// The declarations of the public entry points, beside the JavaScript `pnpm run build` wrote (see
// tsup.config.ts): the `types` task, which type checks and publishing depend on.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core.ts',
    'conformance/index': 'src/conformance/index.ts',
    'startup/index': 'src/startup/index.ts',
  },
  format: ['esm'],
  target: 'node22',
  dts: { only: true },
  clean: false,
  external: [/^@kubernetes-models\//, /^kubernetes-models\//],
});
