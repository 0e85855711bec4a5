// Bundle entry: what `@ultron/platform/core` exports (cluster.ts imports it).
import './zod-jitless.js';

export * from '@ultron/platform/core';
