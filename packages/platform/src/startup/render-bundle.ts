import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentKey } from './content-key.js';

/**
 * What `@ultron/workload-kit` writes beside its bundle (dist/render/bundle.json): the platform build it
 * bundled, so a stale bundle is never used (see `platformDigest`).
 */
export interface BundleManifest {
  platformVersion: string;
  platformDigest: string;
  /** Package specifier → bundle file (relative to the manifest) exporting the same names. */
  entries: Record<string, string>;
  /**
   * `ascii` when the kit's build checked that every bundle file is 7-bit ASCII (esbuild escapes the rest):
   * the render then reads them as Latin-1, a plain copy, instead of through Node's UTF-8 TextDecoder.
   */
  encoding?: 'ascii';
}

/** Where `@ultron/platform`'s built entry points are, and a digest of them. */
export const PLATFORM_ENTRY_FILES = ['dist/index.js', 'dist/core.js'] as const;

/**
 * A digest of the platform build: its entry files name their chunks by content hash, so any change to the
 * built platform changes this digest.
 */
export function platformDigest(platformDir: string): string {
  // Read as Latin-1: one string unit per byte, whatever the encoding.
  return contentKey(...PLATFORM_ENTRY_FILES.map((file) => readFileSync(join(platformDir, file), 'latin1')));
}

const KIT = '@ultron/workload-kit';

function dependsOnKit(cwd: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as Record<string, unknown>;
    return ['dependencies', 'devDependencies'].some((field) => {
      const deps = pkg[field];
      return typeof deps === 'object' && deps !== null && KIT in deps;
    });
  } catch {
    return false;
  }
}

/**
 * Where `name` is installed as seen from `from` (its real folder), found the way Node looks up a bare
 * specifier: `node_modules/<name>` in `from` and each folder above. Cheaper than `require.resolve`,
 * whose first call sets up the CommonJS resolver in a process that otherwise never uses it.
 */
function installedPackage(from: string, name: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The kit's render bundle as seen from a workspace `cwd`: package specifier → bundle module URL, with
 * `#run` the module exporting `runSlice`. Undefined when the workspace does not depend on the kit, there
 * is no bundle, or it was built from another platform build than the one installed (never a stale render).
 */
export function findRenderBundle(cwd: string): RenderBundle | undefined {
  // Only a workspace that depends on the kit: the build orders it after the kit's own build, which
  // rewrites the bundle (a hoisted kit is reachable from any workspace, mid-rebuild). The platform's own
  // component workspaces (apps/*, bootstrap) list the kit among their devDependencies for this alone: the
  // bundle holds the whole platform, and loading it is a third of the cost of loading the package.
  if (!dependsOnKit(cwd)) return undefined;
  const kitDir = installedPackage(cwd, KIT);
  const platformDir = installedPackage(cwd, '@ultron/platform');
  if (!kitDir || !platformDir) return undefined;
  const manifestFile = join(kitDir, 'dist/render/bundle.json');
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BundleManifest;
    if (manifest.platformDigest !== platformDigest(platformDir)) return undefined;
  } catch {
    return undefined;
  }
  const base = pathToFileURL(manifestFile);
  const urls = new Map(
    Object.entries(manifest.entries).map(([spec, file]) => [spec, new URL(file, base).href]),
  );
  return urls.has('#run')
    ? { urls, dir: new URL('.', base).href, ascii: manifest.encoding === 'ascii' }
    : undefined;
}

/** A render bundle found for a workspace: specifier → module URL (`#run` exports `runSlice`), its folder. */
export interface RenderBundle {
  urls: Map<string, string>;
  /** The bundle folder's URL, with a trailing slash. */
  dir: string;
  ascii: boolean;
}

/**
 * A workspace's render loads ~700 modules (the kit, the platform, zod and one file per
 * kubernetes-models class and schema); resolving and reading them was most of its start-up. The kit ships
 * one pre-built bundle of all of it (dist/render/); when `findRenderBundle` accepts it, this redirects the
 * process's imports of `@ultron/platform`, `@ultron/platform/core` and `@ultron/workload-kit` to it and
 * returns the URL of the bundle's `runSlice` module. Otherwise (or with `ULTRON_RENDER_BUNDLE=0`) it
 * returns undefined and the render loads the packages as they are, with the same output.
 */
export function useRenderBundle(cwd: string): string | undefined {
  if (process.env.ULTRON_RENDER_BUNDLE === '0') return undefined;
  const bundle = findRenderBundle(cwd);
  if (!bundle) return undefined;
  const { urls, dir, ascii } = bundle;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const url = urls.get(specifier);
      return url ? { url, format: 'module', shortCircuit: true } : nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      // ~2 MB of ASCII: read as Latin-1 (a copy) rather than decoded as UTF-8 by Node's loader.
      if (!ascii || !url.startsWith(dir)) return nextLoad(url, context);
      return { format: 'module', source: readFileSync(new URL(url), 'latin1'), shortCircuit: true };
    },
  });
  return urls.get('#run');
}
