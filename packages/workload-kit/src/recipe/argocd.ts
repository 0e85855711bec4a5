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
} from '@ultron/platform';
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

/** The Application syncing `workloads/<app>` with automated prune + selfHeal. */
export function workloadApplication(cluster: Cluster, w: Workload) {
  const names = appNames(w.name);
  return application({
    name: names.application,
    project: names.project,
    namespace: names.namespace,
    wave: WAVES.workloads,
    sources: [treeSource(cluster, workloadDir(w.name))],
    serverSideApply: true,
    labels: commonLabels(w.name),
  });
}
