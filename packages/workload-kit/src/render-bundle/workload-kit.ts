// Bundle entry: what `@ultron/workload-kit` exports.
export * from '../index.js';
