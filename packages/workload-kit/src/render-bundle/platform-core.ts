// Bundle entry: what `@ultron/platform/core` exports (cluster.ts imports it).
export * from '@ultron/platform/core';
