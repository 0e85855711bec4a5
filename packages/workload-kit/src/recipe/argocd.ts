import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { IResourceIgnoreDifferences } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ResourceIgnoreDifferences';
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

/**
 * The Application syncing `workloads/<app>` with automated prune + selfHeal. It creates the namespace
 * when no folder of a capability syncs into it first; it leaves alone what the capabilities say a
 * controller owns.
 */
export function workloadApplication(
  cluster: Cluster,
  w: Workload,
  o: { createNamespace: boolean; ignoreDifferences: IResourceIgnoreDifferences[] },
) {
  const names = appNames(w.name);
  const app = application({
    name: names.application,
    project: names.project,
    namespace: names.namespace,
    wave: WAVES.workloads,
    sources: [treeSource(cluster, workloadDir(w.name))],
    serverSideApply: true,
    createNamespace: o.createNamespace,
    labels: commonLabels(w.name),
  });
  if (o.ignoreDifferences.length > 0) {
    app.spec!.ignoreDifferences = o.ignoreDifferences;
    app.spec!.syncPolicy!.syncOptions = [
      ...(app.spec!.syncPolicy!.syncOptions ?? []),
      'RespectIgnoreDifferences=true',
    ];
  }
  return app;
}
