import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { application, SYNC_WAVE, treeSource, WAVES } from '../argocd/application.js';
import { charts, manifests } from '../catalog/versions.js';
import type { Cluster } from '../cluster/schema.js';
import { FOLDERS } from '../conventions/layout.js';
import {
  commonLabels,
  PLATFORM_NAMESPACES,
  PLATFORM_PROJECT,
  ROOT_APP,
  ROOT_PROJECT,
} from '../conventions/names.js';
import { IDENTITY_GUARD } from './identity-guard.js';
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
  // Only the guard on what the identity project may put into keycloak (see identity-guard.ts).
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingAdmissionPolicy', name: IDENTITY_GUARD },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingAdmissionPolicyBinding', name: IDENTITY_GUARD },
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
