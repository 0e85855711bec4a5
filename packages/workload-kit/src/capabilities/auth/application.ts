import {
  application,
  appNames,
  type Cluster,
  commonLabels,
  IDENTITY_PROJECT,
  PLATFORM_NAMESPACES,
  treeSource,
  WAVES,
  workloadDir,
} from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';

/** Where the realm's objects live: their own folder, synced into the Keycloak namespace by their own Application. */
export function realmDir(app: string): string {
  return `${workloadDir(app)}/realm`;
}

/**
 * The realm's Application, in the platform's `identity` project (which may only sync realm imports,
 * their sync Jobs and ConfigMaps into the Keycloak namespace): the app's own project stays limited to
 * its namespace.
 */
export function realmApplication(cluster: Cluster, w: Workload) {
  return application({
    name: `${appNames(w.name).application}-realm`,
    project: IDENTITY_PROJECT,
    namespace: PLATFORM_NAMESPACES.keycloak,
    wave: WAVES.workloads - 1,
    sources: [treeSource(cluster, realmDir(w.name))],
    skipDryRunOnMissingResource: true,
    labels: commonLabels(w.name, 'auth'),
  });
}
