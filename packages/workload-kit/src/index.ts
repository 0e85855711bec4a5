export { parseWorkload } from './definition/parse.js';
export { MAX_APP_NAME, type Workload, type WorkloadInput, workloadSchema } from './definition/schema.js';
export { buildWorkload, defineWorkload } from './workload.js';
