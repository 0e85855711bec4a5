import { problemsFromZod, UserError } from '@ultron/platform/core';
import { type Workload, type WorkloadInput, workloadSchema } from './schema.js';

/** Validates and defaults a workload definition; throws a UserError listing every problem. */
export function parseWorkload(input: WorkloadInput): Workload {
  const result = workloadSchema.safeParse(input);
  if (!result.success) {
    throw new UserError(
      problemsFromZod('workload', result.error),
      `workload "${String(input?.name)}" has problems`,
    );
  }
  const w = result.data;
  return { ...w, hosts: w.hosts ?? [`api.${w.domain}`] };
}
