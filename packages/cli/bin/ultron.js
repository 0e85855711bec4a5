#!/usr/bin/env node
// The `ultron` command. Plain JavaScript, so an older Node reads it and says which Node is needed
// instead of failing on the TypeScript entry with ERR_UNKNOWN_FILE_EXTENSION.
import '../../platform/bin/require-node.js';

await import('../src/main.ts');
