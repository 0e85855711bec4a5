#!/usr/bin/env node
// The `ultron` command. Plain JavaScript, so an older Node reads it and says which Node is needed
// instead of failing on the TypeScript entry with ERR_UNKNOWN_FILE_EXTENSION.
import '../../platform/bin/require-node.js';
import module from 'node:module';

// (A default import: the named one would fail to link on the old Node the line above turns away.)
// The assemble step runs on every build: Node's on-disk compile cache spares recompiling the same
// modules each time (as ultron-render does; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
module.enableCompileCache();
await import('../src/main.ts');
