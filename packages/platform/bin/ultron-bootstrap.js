#!/usr/bin/env node
// Committed shim: pnpm links workspace bins at install time, before `dist/` is built. The Node check
// runs first and exits before the renderer is even linked (hence the dynamic import).
import './require-node.js';

await import('../dist/bin/ultron-bootstrap.js');
