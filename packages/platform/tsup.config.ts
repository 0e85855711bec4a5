import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core.ts',
    'conformance/index': 'src/conformance/index.ts',
    'startup/index': 'src/startup/index.ts',
    'bin/ultron-render': 'src/bin/ultron-render.ts',
    'bin/ultron-bootstrap': 'src/bin/ultron-bootstrap.ts',
  },
  format: ['esm'],
  target: 'node22',
  dts: {
    entry: {
      index: 'src/index.ts',
      core: 'src/core.ts',
      'conformance/index': 'src/conformance/index.ts',
      'startup/index': 'src/startup/index.ts',
    },
  },
  clean: true,
  sourcemap: false,
  splitting: true,
  // Dependencies stay external: users install them once, and deep imports keep start-up cheap.
  external: [/^@kubernetes-models\//, /^kubernetes-models\//],
});
