import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What `@ultron/workload-kit` writes beside its bundle (dist/render/bundle.json): the platform build it
 * bundled, so a stale bundle is never used (see `platformDigest`).
 */
export interface BundleManifest {
  platformVersion: string;
  platformDigest: string;
  /** Package specifier → bundle file (relative to the manifest) exporting the same names. */
  entries: Record<string, string>;
}

/** Where `@ultron/platform`'s built entry points are, and a digest of them. */
export const PLATFORM_ENTRY_FILES = ['dist/index.js', 'dist/core.js'] as const;

/**
 * A digest of the platform build: its entry files name their chunks by content hash, so any change to the
 * built platform changes this digest.
 */
export function platformDigest(platformDir: string): string {
  const hash = createHash('sha256');
  for (const file of PLATFORM_ENTRY_FILES) hash.update(readFileSync(join(platformDir, file)));
  return hash.digest('hex');
}

/**
 * A workload workspace's render loads ~700 modules (the kit, the platform, zod and one file per
 * kubernetes-models class and schema); resolving and reading them is most of its start-up. The kit ships
 * one pre-built bundle of all of it (dist/render/); this finds it from the workspace `cwd` and, when it
 * was built from the platform installed beside it, redirects the workspace's imports of `@ultron/platform`,
 * `@ultron/platform/core` and `@ultron/workload-kit` to it. Returns the bundle's `runSlice` module URL, or
 * undefined (no kit, another platform build, `ULTRON_RENDER_BUNDLE=0`): the render then loads the packages
 * as they are, with the same output.
 */
export function useRenderBundle(cwd: string): string | undefined {
  if (process.env.ULTRON_RENDER_BUNDLE === '0') return undefined;
  const require = createRequire(join(cwd, 'package.json'));
  let kitDir: string;
  let platformDir: string;
  try {
    kitDir = dirname(require.resolve('@ultron/workload-kit/package.json'));
    platformDir = dirname(require.resolve('@ultron/platform/package.json'));
  } catch {
    return undefined;
  }
  const manifestFile = join(kitDir, 'dist/render/bundle.json');
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BundleManifest;
  } catch {
    return undefined;
  }
  if (manifest.platformDigest !== platformDigest(platformDir)) return undefined;
  const base = pathToFileURL(manifestFile);
  const urls = new Map(
    Object.entries(manifest.entries).map(([spec, file]) => [spec, new URL(file, base).href]),
  );
  const run = urls.get('#run');
  if (!run) return undefined;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const url = urls.get(specifier);
      return url ? { url, format: 'module', shortCircuit: true } : nextResolve(specifier, context);
    },
  });
  return run;
}
