import { problemsFromZod, UserError } from '@ultron/platform/core';
import type { Capability } from '../capabilities/capability.js';
import { type Workload, type WorkloadInput, workloadSchema } from './schema.js';

/** The definition schema with the fields of the given capabilities appended. */
function schemaWith(registry: readonly Capability[]) {
  const fields = Object.assign({}, ...registry.map((c) => c.fields ?? {}));
  return Object.keys(fields).length ? workloadSchema.safeExtend(fields) : workloadSchema;
}

/**
 * Validates and defaults a workload definition; throws a UserError listing every problem. Fields of
 * capabilities beyond the built-in ones are validated when those capabilities are given.
 */
export function parseWorkload(input: WorkloadInput, registry: readonly Capability[] = []): Workload {
  const result = schemaWith(registry).safeParse(input);
  if (!result.success) {
    throw new UserError(
      problemsFromZod('workload', result.error),
      `workload "${String(input?.name)}" has problems`,
    );
  }
  const w = result.data as Workload;
  return { ...w, hosts: w.hosts ?? [`api.${w.domain}`] };
}
