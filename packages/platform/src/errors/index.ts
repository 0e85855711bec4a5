export * from './problem.js';
export { formatPath, problemsFromZod, withHint } from './zod.js';
