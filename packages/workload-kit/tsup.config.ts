import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { BundleManifest } from '@ultron/platform/startup';
import { defineConfig } from 'tsup';

const require = createRequire(import.meta.url);

/** Bare specifiers the render bundle replaces with a stand-in that loads the real module on first use. */
const LAZY: Record<string, string> = {
  yaml: 'src/render-bundle/lazy-yaml.ts',
  'ajv-formats-draft2019/formats/index.js': 'src/render-bundle/lazy-formats.ts',
};

/**
 * The package's `exports` entry points (`./testing`: the helper users test their own workloads with):
 * built here, and their declarations in tsup.types.config.ts.
 */
export const PUBLIC_ENTRIES = { index: 'src/index.ts', testing: 'src/testing/index.ts' };

export default defineConfig([
  {
    entry: PUBLIC_ENTRIES,
    format: ['esm'],
    target: 'node22',
    // The JavaScript only: `pnpm run types` (tsup.types.config.ts) writes the declarations, for type
    // checks and publishing; a workspace's render needs none.
    dts: false,
    // dist/render/ is the bundle below, built at the same time.
    clean: ['!render/**'],
    sourcemap: false,
    external: [/^@kubernetes-models\//, /^kubernetes-models\//, /^@ultron\//],
  },
  {
    // The render bundle `ultron-render` loads for workload workspaces (see @ultron/platform's
    // src/startup): the kit, the platform and their dependencies in a few files instead of ~700 modules.
    // One copy of each module serves all four entries (code splitting), as in the unbundled packages.
    entry: {
      'workload-kit': 'src/render-bundle/workload-kit.ts',
      platform: 'src/render-bundle/platform.ts',
      'platform-core': 'src/render-bundle/platform-core.ts',
      run: 'src/render-bundle/run.ts',
    },
    outDir: 'dist/render',
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    dts: false,
    clean: true,
    sourcemap: false,
    splitting: true,
    noExternal: [/.*/],
    // re2-wasm reads its .wasm file beside its own code: it stays a package, loaded by LazyRE2 on first use.
    external: ['re2-wasm'],
    // Bundled CommonJS dependencies (ajv's runtime, its formats) call require().
    banner: {
      js: "import { createRequire as __ultronRequire } from 'node:module';\nconst require = __ultronRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      // Less source to read, hash against the compile cache and parse in every render process; names are
      // kept (error messages and stack traces name the kit's functions and classes).
      options.minifyWhitespace = true;
      options.minifySyntax = true;
      options.minifyIdentifiers = true;
      options.keepNames = true;
      options.alias = { '@kubernetes-models/validate/runtime/re2': './src/render-bundle/lazy-re2.ts' };
    },
    esbuildPlugins: [
      {
        // Modules a render never calls into, replaced by stand-ins that load them on first use (see
        // src/render-bundle/lazy-*.ts). A stand-in reaches the real module as `ultron-eager:<specifier>`,
        // resolved from where the specifier was first imported.
        name: 'lazy-stand-ins',
        setup(build) {
          const EAGER = Symbol('the real module');
          // Package name → the folder the bundled code imported it from.
          const importedFrom = new Map<string, string>();
          const packageOf = (specifier: string) => specifier.split('/')[0]!;
          build.onResolve({ filter: new RegExp(`^(${Object.keys(LAZY).join('|')})$`) }, (args) => {
            if (args.pluginData === EAGER) return undefined;
            importedFrom.set(packageOf(args.path), args.resolveDir);
            return { path: resolve(LAZY[args.path]!) };
          });
          // The kit is `sideEffects: false`, but the prologue is nothing but its side effect.
          build.onResolve({ filter: /^\.\/zod-jitless\.js$/ }, (args) => ({
            path: resolve(args.resolveDir, 'zod-jitless.ts'),
            sideEffects: true,
          }));
          build.onResolve({ filter: /^ultron-eager:/ }, (args) => {
            const specifier = args.path.slice('ultron-eager:'.length);
            const resolveDir = importedFrom.get(packageOf(specifier));
            if (!resolveDir)
              return { errors: [{ text: `${specifier} is not imported by the bundled code` }] };
            return build.resolve(specifier, { resolveDir, kind: args.kind, pluginData: EAGER });
          });
        },
      },
      {
        // ajv-formats-draft2019 requires the npm package `punycode`, which Node shadows with its deprecated
        // built-in (silently inside node_modules, with a warning outside it): bundle the package itself.
        name: 'punycode-package',
        setup(build) {
          build.onResolve({ filter: /^punycode$/ }, (args) =>
            build.resolve('punycode/', { resolveDir: args.resolveDir, kind: args.kind }),
          );
        },
      },
    ],
    async onSuccess() {
      const { platformDigest } = await import('@ultron/platform/startup');
      // The render reads the bundle as Latin-1 when it is all ASCII (esbuild's default charset escapes
      // everything else); say so only after checking.
      const outDir = resolve('dist/render');
      const ascii = readdirSync(outDir)
        .filter((file) => file.endsWith('.js'))
        .every((file) => readFileSync(join(outDir, file)).every((byte) => byte < 0x80));
      const platformDir = dirname(require.resolve('@ultron/platform/package.json'));
      const manifest: BundleManifest = {
        platformVersion: (require('@ultron/platform/package.json') as { version: string }).version,
        platformDigest: platformDigest(platformDir),
        entries: {
          '@ultron/workload-kit': './workload-kit.js',
          '@ultron/platform': './platform.js',
          '@ultron/platform/core': './platform-core.js',
          '#run': './run.js',
        },
        ...(ascii ? { encoding: 'ascii' as const } : {}),
      };
      writeFileSync(resolve('dist/render/bundle.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    },
  },
]);
