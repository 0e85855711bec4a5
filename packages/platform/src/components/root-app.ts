import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { application, SYNC_WAVE, treeSource, WAVES } from '../argocd/application.js';
import { charts, manifests } from '../catalog/versions.js';
import type { Cluster } from '../cluster/schema.js';
import { FOLDERS } from '../conventions/layout.js';
import { commonLabels, PLATFORM_NAMESPACES, PLATFORM_PROJECT, ROOT_APP } from '../conventions/names.js';

/**
 * The platform's AppProject: the root app and the operators. Unlike app projects it may create
 * cluster-scoped objects (CRDs, ClusterRoles), so only the platform's own sources are allowed.
 */
export function platformProject(cluster: Cluster): AppProject {
  return new AppProject({
    metadata: {
      name: PLATFORM_PROJECT,
      namespace: PLATFORM_NAMESPACES.argocd,
      labels: commonLabels('platform'),
      annotations: { [SYNC_WAVE]: String(WAVES.projects) },
    },
    spec: {
      description: 'Platform components: the app-of-apps root, operators and the Keycloak instance',
      sourceRepos: [
        cluster.gitops.repoURL,
        charts.cloudnativePg.repo,
        manifests.keycloakOperator.repo,
      ].sort(),
      destinations: Object.values(PLATFORM_NAMESPACES)
        .sort()
        .map((namespace) => ({ server: 'https://kubernetes.default.svc', namespace })),
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  });
}

/** The one Application applied by hand: it syncs `apps/`, where every file is itself an Application. */
export function rootApplication(cluster: Cluster) {
  return application({
    name: ROOT_APP,
    // The root app lives in `default`: the `platform` project it would need is one of the files it syncs.
    project: 'default',
    namespace: PLATFORM_NAMESPACES.argocd,
    wave: 0,
    sources: [treeSource(cluster, FOLDERS.apps)],
    labels: commonLabels('platform', 'root'),
  });
}
