import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { application, SYNC_WAVE, treeSource, WAVES } from '../argocd/application.js';
import { charts, manifests } from '../catalog/versions.js';
import type { Cluster } from '../cluster/schema.js';
import { FOLDERS } from '../conventions/layout.js';
import { commonLabels, PLATFORM_NAMESPACES, PLATFORM_PROJECT, ROOT_APP } from '../conventions/names.js';
import { PLATFORM_COMPONENTS } from './platform-components.js';

/**
 * The cluster-scoped kinds operators install: their CRDs, the RBAC they run with, their admission
 * webhooks, and the namespaces Argo CD creates for them. Nothing else cluster-wide.
 */
const OPERATOR_CLUSTER_KINDS = [
  { group: '', kind: 'Namespace' },
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
  { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
  // The one store every ExternalSecret reads from (cluster-scoped by design).
  { group: 'external-secrets.io', kind: 'ClusterSecretStore' },
];

/**
 * The platform's AppProject: the operators and the Keycloak instance. It may read only the platform's own
 * sources, deploy only into the platform components' namespaces, and create only the cluster-scoped kinds
 * operators need.
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
      description: 'Platform components: the operators and the Keycloak instance',
      sourceRepos: [
        cluster.gitops.repoURL,
        ...new Set([charts.cloudnativePg.repo, charts.barmanCloudPlugin.repo, charts.externalSecrets.repo]),
        manifests.keycloakOperator.repo,
      ].sort(),
      // Argo CD's and the monitoring namespace too: ESO keeps the Helm-installed parts' Secrets there.
      destinations: [
        ...new Set([
          ...Object.values(PLATFORM_COMPONENTS).map((c) => c.namespace),
          PLATFORM_NAMESPACES.argocd,
          cluster.monitoring.namespace,
        ]),
      ]
        .sort()
        .map((namespace) => ({ server: 'https://kubernetes.default.svc', namespace })),
      clusterResourceWhitelist: OPERATOR_CLUSTER_KINDS,
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
