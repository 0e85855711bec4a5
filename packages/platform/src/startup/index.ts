import { enableCompileCache } from 'node:module';
import { useRenderBundle } from './render-bundle.js';
import { registerStripCache } from './strip-cache.js';

/**
 * Everything `ultron-render` does before the first import of the render, so that a workspace process
 * starts close to Node's own start-up: Node's compile cache, the cached type stripping of workspace files
 * and, for workload workspaces, the kit's pre-built bundle. Returns the module that exports `runSlice`.
 * Imports nothing but Node built-ins: it runs before any package is loaded.
 */
export function prepareRender(cwd: string): string | undefined {
  // Node's on-disk compile cache (OS temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
  enableCompileCache();
  registerStripCache();
  return useRenderBundle(cwd);
}

export { type BundleManifest, findRenderBundle, platformDigest, useRenderBundle } from './render-bundle.js';
export { registerStripCache } from './strip-cache.js';
