// Bundle entry: what `@ultron/workload-kit` exports.
import './zod-jitless.js';

export * from '../index.js';
