#!/usr/bin/env node
// Committed shim: pnpm links workspace bins at install time, before `dist/` is built.
import '../dist/bin/ultron-bootstrap.js';
