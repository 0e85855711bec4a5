import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import {
  application,
  appNames,
  type Cluster,
  commonLabels,
  PLATFORM_NAMESPACES,
  SYNC_WAVE,
  treeSource,
  WAVES,
  workloadDir,
} from '@ultron/platform/core';
import type { Workload } from '../definition/schema.js';

/**
 * The app's own AppProject: it may deploy only from this repository, only into its namespace, and no
 * cluster-scoped resources except its Namespace. A mistake in one app cannot touch another.
 */
export function project(cluster: Cluster, w: Workload): AppProject {
  const names = appNames(w.name);
  return new AppProject({
    metadata: {
      name: names.project,
      namespace: PLATFORM_NAMESPACES.argocd,
      labels: commonLabels(w.name),
      annotations: { [SYNC_WAVE]: String(WAVES.projects) },
    },
    spec: {
      description: `${w.name}: deploys only into namespace ${names.namespace}`,
      sourceRepos: [cluster.gitops.repoURL],
      destinations: [{ server: 'https://kubernetes.default.svc', namespace: names.namespace }],
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      namespaceResourceBlacklist: [
        { group: '', kind: 'ResourceQuota' },
        { group: '', kind: 'LimitRange' },
      ],
    },
  });
}

/** Where the database objects live: their own folder, synced by their own Application. */
export function databaseDir(app: string): string {
  return `${workloadDir(app)}/database`;
}

/**
 * The database's own Application, one wave before the app: on a fresh cluster the CNPG secret
 * `<app>-pg-app` exists before the app's PreSync migrations read it, and an app sync can never prune
 * the database. It also creates the namespace, so it carries the Namespace object.
 */
export function databaseApplication(cluster: Cluster, w: Workload) {
  const names = appNames(w.name);
  return application({
    name: `${names.application}-db`,
    project: names.project,
    namespace: names.namespace,
    wave: WAVES.workloads - 1,
    sources: [treeSource(cluster, databaseDir(w.name))],
    serverSideApply: true,
    createNamespace: true,
    labels: commonLabels(w.name, 'database'),
  });
}

/** The Application syncing `workloads/<app>` with automated prune + selfHeal. */
export function workloadApplication(cluster: Cluster, w: Workload) {
  const names = appNames(w.name);
  const app = application({
    name: names.application,
    project: names.project,
    namespace: names.namespace,
    wave: WAVES.workloads,
    sources: [treeSource(cluster, workloadDir(w.name))],
    serverSideApply: true,
    // Without a database Application, this one creates the namespace before its PreSync hooks run.
    createNamespace: !w.database,
    labels: commonLabels(w.name),
  });
  if (w.canary.trafficRouting === 'traefik') {
    // Argo Rollouts owns the TraefikService weights; without this Argo CD would fight it.
    app.spec!.ignoreDifferences = [
      {
        group: 'traefik.io',
        kind: 'TraefikService',
        name: names.service,
        jsonPointers: ['/spec/weighted/services'],
      },
    ];
    app.spec!.syncPolicy!.syncOptions = [
      ...(app.spec!.syncPolicy!.syncOptions ?? []),
      'RespectIgnoreDifferences=true',
    ];
  }
  return app;
}
