import { appFile, type Cluster, type Slice, Tree, workloadDir } from '@ultron/platform';
import { parseWorkload } from './definition/parse.js';
import type { Workload, WorkloadInput } from './definition/schema.js';
import { project, workloadApplication } from './recipe/argocd.js';
import { namespace } from './recipe/namespace.js';
import { analysisTemplate, rollout } from './recipe/rollout.js';
import { services } from './recipe/service.js';

/** Everything one app renders, in memory. */
export function buildWorkload(cluster: Cluster, w: Workload): Tree {
  const dir = workloadDir(w.name);
  return new Tree()
    .addFile(appFile(w.name), [project(cluster, w), workloadApplication(cluster, w)])
    .addObjects(dir, [namespace(w), rollout(cluster, w), analysisTemplate(cluster, w), ...services(w)]);
}

/**
 * One app of the platform. `workloads/<app>/workload.ts` default-exports this; `pnpm turbo build`
 * renders it into `gitops/apps/<app>.yaml` and `gitops/workloads/<app>/`.
 */
export function defineWorkload(cluster: Cluster, input: WorkloadInput): Slice & { input: WorkloadInput } {
  return {
    input,
    get owns() {
      return [workloadDir(String(input.name))];
    },
    build: () => buildWorkload(cluster, parseWorkload(input)),
  };
}
