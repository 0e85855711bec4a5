import {
  appFile,
  appNames,
  type Cluster,
  commonLabels,
  externalSecretsFor,
  generatedVaultSecret,
  type Slice,
  Tree,
  workloadDir,
} from '@ultron/platform/core';
import { parseWorkload } from './definition/parse.js';
import type { Workload, WorkloadInput } from './definition/schema.js';
import { databaseApplication, databaseDir, project, workloadApplication } from './recipe/argocd.js';
import { API_CLIENT_SECRET_KEY, authObjects, realmApplication, realmDir } from './recipe/auth.js';
import { configMaps } from './recipe/config-maps.js';
import { dashboard } from './recipe/dashboard.js';
import { databaseObjects } from './recipe/database.js';
import { edgeObjects } from './recipe/ingress.js';
import { migrationsJob } from './recipe/migrations.js';
import { monitoringObjects } from './recipe/monitoring.js';
import { namespace } from './recipe/namespace.js';
import { networkPolicies } from './recipe/network-policies.js';
import { workloadReadme } from './recipe/readme.js';
import { analysisTemplate, rollout } from './recipe/rollout.js';
import { services } from './recipe/service.js';

/** Everything one app renders, in memory. */
export function buildWorkload(cluster: Cluster, parsed: Workload): Tree {
  // Cluster-wide defaults the definition left open.
  const w: Workload = {
    ...parsed,
    imagePullSecret: parsed.imagePullSecret ?? cluster.imagePullSecret ?? false,
  };
  const dir = workloadDir(w.name);
  // The namespace object goes with the first Application to sync: the database's, if there is one.
  const database = [namespace(w), ...databaseObjects(cluster, w)];
  const realm = authObjects(w);
  const job = migrationsJob(w);
  const app = [
    ...configMaps(w),
    ...(job ? [job] : []),
    rollout(cluster, w),
    analysisTemplate(cluster, w),
    ...services(w),
    ...edgeObjects(cluster, w),
    ...monitoringObjects(cluster, w),
    dashboard(w),
    ...networkPolicies(cluster, w),
  ];
  // ExternalSecrets (OCI Vault backend) for the Secrets the app's objects read and none of them creates.
  // The app namespace's go with the first Application to sync (the database's, if any): the migrations
  // Job runs in the app's first wave and may need a pull secret.
  const all = [...database, ...realm, ...app];
  // The API client's secret: generated and pushed to the vault by ESO, never typed (OCI Vault backend).
  const generated = w.auth
    ? generatedVaultSecret(cluster, {
        namespace: appNames(w.name).namespace,
        secret: appNames(w.name).keycloakSecret,
        keys: [API_CLIENT_SECRET_KEY],
        labels: commonLabels(w.name, 'auth'),
      })
    : [];
  const namespaceSecrets = [...generated, ...externalSecretsFor(cluster, [...database, ...app], all)];
  const realmSecrets = externalSecretsFor(cluster, realm, all);
  const tree = new Tree().addFile(appFile(w.name), [
    project(cluster, w),
    ...(w.database ? [databaseApplication(cluster, w)] : []),
    ...(w.auth ? [realmApplication(cluster, w)] : []),
    workloadApplication(cluster, w),
  ]);
  if (w.database) tree.addObjects(databaseDir(w.name), [...database, ...namespaceSecrets]);
  tree.addText(`${dir}/README.md`, workloadReadme(cluster, w));
  return tree
    .addObjects(realmDir(w.name), [...realm, ...realmSecrets])
    .addObjects(dir, w.database ? app : [...database, ...app, ...namespaceSecrets]);
}

/**
 * One app of the platform. `workloads/<app>/workload.ts` default-exports this; `pnpm turbo build`
 * renders it into `gitops/apps/<app>.yaml` and `gitops/workloads/<app>/`.
 */
export function defineWorkload(cluster: Cluster, input: WorkloadInput): Slice & { input: WorkloadInput } {
  return {
    input,
    get owns() {
      // The app's folder and its one file in apps/: derived from the name, declared nowhere else.
      const name = String(input.name);
      return [workloadDir(name), appFile(name)];
    },
    build: () => buildWorkload(cluster, parseWorkload(input)),
  };
}
