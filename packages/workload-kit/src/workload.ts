import { appFile, type Cluster, type Slice, Tree, workloadDir } from '@ultron/platform/core';
import { parseWorkload } from './definition/parse.js';
import type { Workload, WorkloadInput } from './definition/schema.js';
import { databaseApplication, databaseDir, project, workloadApplication } from './recipe/argocd.js';
import { authObjects, realmApplication, realmDir } from './recipe/auth.js';
import { configMaps } from './recipe/config-maps.js';
import { dashboard } from './recipe/dashboard.js';
import { databaseObjects } from './recipe/database.js';
import { edgeObjects } from './recipe/ingress.js';
import { migrationsJob } from './recipe/migrations.js';
import { monitoringObjects } from './recipe/monitoring.js';
import { namespace } from './recipe/namespace.js';
import { networkPolicies } from './recipe/network-policies.js';
import { analysisTemplate, rollout } from './recipe/rollout.js';
import { services } from './recipe/service.js';

/** Everything one app renders, in memory. */
export function buildWorkload(cluster: Cluster, w: Workload): Tree {
  const dir = workloadDir(w.name);
  // The namespace object goes with the first Application to sync: the database's, if there is one.
  const tree = new Tree()
    .addFile(appFile(w.name), [
      project(cluster, w),
      ...(w.database ? [databaseApplication(cluster, w)] : []),
      ...(w.auth ? [realmApplication(cluster, w)] : []),
      workloadApplication(cluster, w),
    ])
    .addObjects(w.database ? databaseDir(w.name) : dir, [namespace(w), ...databaseObjects(cluster, w)])
    .addObjects(realmDir(w.name), authObjects(w));
  const job = migrationsJob(w);
  return tree.addObjects(dir, [
    ...configMaps(w),
    ...(job ? [job] : []),
    rollout(cluster, w),
    analysisTemplate(cluster, w),
    ...services(w),
    ...edgeObjects(cluster, w),
    ...monitoringObjects(cluster, w),
    dashboard(w),
    ...networkPolicies(cluster, w),
  ]);
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
