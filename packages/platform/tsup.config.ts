import { defineConfig } from 'tsup';

// The JavaScript only: a workspace's render needs no declarations, and rolling them up takes ten times
// longer than the code. `pnpm run types` (tsup.types.config.ts) writes them, for type checks and publishing.
/** The package's `exports` entry points: built here, and their declarations in tsup.types.config.ts. */
export const PUBLIC_ENTRIES = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  'conformance/index': 'src/conformance/index.ts',
  'startup/index': 'src/startup/index.ts',
};

export default defineConfig({
  entry: {
    ...PUBLIC_ENTRIES,
    'bin/ultron-render': 'src/bin/ultron-render.ts',
    'bin/ultron-bootstrap': 'src/bin/ultron-bootstrap.ts',
  },
  format: ['esm'],
  target: 'node22',
  dts: false,
  clean: true,
  sourcemap: false,
  splitting: true,
  // Dependencies stay external: users install them once, and deep imports keep start-up cheap.
  external: [/^@kubernetes-models\//, /^kubernetes-models\//],
});
