#!/usr/bin/env node
// The `ultron` command. Plain JavaScript, so an older Node reads it and says which Node is needed
// instead of failing on the TypeScript entry with ERR_UNKNOWN_FILE_EXTENSION.
import '../../platform/bin/require-node.js';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// (A default import: the named one would fail to link on the old Node the line above turns away.)
// The assemble step runs on every build: Node's on-disk compile cache spares recompiling the same
// modules each time (as ultron-render does; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
module.enableCompileCache();
// What `ultron-render` does first, for the same reasons (@ultron/platform's src/startup): the CLI is
// TypeScript, whose WebAssembly type stripper costs every process ~0.1 s of CPU, so the stripping is
// cached; and its imports of the platform and the kit go to the kit's render bundle when it matches the
// installed platform (a few files: the assemble step of every build starts ~0.4 s sooner than when it
// loads the packages' ~700 modules). Before the platform is built (`ultron --help` in a fresh clone),
// neither is there and Node does both itself.
try {
  const { registerStripCache, useRenderBundle } = await import('@ultron/platform/startup');
  registerStripCache();
  useRenderBundle(fileURLToPath(new URL('..', import.meta.url)));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
}
await import('../src/main.ts');
