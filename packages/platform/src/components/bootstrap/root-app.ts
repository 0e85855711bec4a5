import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { application, treeSource } from '../../argocd/application.js';
import type { Cluster } from '../../cluster/schema.js';
import { FOLDERS } from '../../conventions/layout.js';
import { commonLabels, PLATFORM_NAMESPACES, ROOT_APP, ROOT_PROJECT } from '../../conventions/names.js';

/**
 * The root app's own project, applied by hand with it (a project cannot come from the app it holds): it
 * may read only this repository and create only Applications and AppProjects, only in `argocd`. Nothing
 * cluster-scoped, no workload kind: whatever `apps/` holds beyond that, Argo CD refuses to sync.
 */
export function rootProject(cluster: Cluster): AppProject {
  return new AppProject({
    metadata: {
      name: ROOT_PROJECT,
      namespace: PLATFORM_NAMESPACES.argocd,
      labels: commonLabels('platform', 'root'),
    },
    spec: {
      description: 'The root app: Applications and AppProjects in argocd, from the gitops repository only',
      sourceRepos: [cluster.gitops.repoURL],
      destinations: [{ server: 'https://kubernetes.default.svc', namespace: PLATFORM_NAMESPACES.argocd }],
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: [
        { group: 'argoproj.io', kind: 'Application' },
        { group: 'argoproj.io', kind: 'AppProject' },
      ],
    },
  });
}

/** The one Application applied by hand: it syncs `apps/`, where every file is itself an Application. */
export function rootApplication(cluster: Cluster) {
  return application({
    name: ROOT_APP,
    project: ROOT_PROJECT,
    namespace: PLATFORM_NAMESPACES.argocd,
    wave: 0,
    sources: [treeSource(cluster, FOLDERS.apps)],
    labels: commonLabels('platform', 'root'),
  });
}
