import { appFile, type Cluster, type Slice, type Tree, workloadDir } from '@ultron/platform/core';
import type { Capability } from './capabilities/capability.js';
import { capabilities } from './capabilities/index.js';
import { parseWorkload } from './definition/parse.js';
import type { Workload, WorkloadInput } from './definition/schema.js';
import { composeWorkload } from './recipe/compose.js';

/** Everything one app renders, in memory, from the registry's capabilities (or the ones given). */
export function buildWorkload(
  cluster: Cluster,
  parsed: Workload,
  registry: readonly Capability[] = capabilities,
): Tree {
  return composeWorkload(cluster, parsed, registry);
}

/**
 * One app of the platform. `workloads/<app>/workload.ts` default-exports this; `pnpm turbo build`
 * renders it into `gitops/apps/<app>.yaml` and `gitops/workloads/<app>/`. `registry` replaces the kit's
 * capabilities, e.g. with a copy that registers one more.
 */
export function defineWorkload(
  cluster: Cluster,
  input: WorkloadInput,
  registry: readonly Capability[] = capabilities,
): Slice & { input: WorkloadInput } {
  return {
    input,
    get owns() {
      // The app's folder and its one file in apps/: derived from the name, declared nowhere else.
      const name = String(input.name);
      return [workloadDir(name), appFile(name)];
    },
    build: () => buildWorkload(cluster, parseWorkload(input, registry), registry),
  };
}
