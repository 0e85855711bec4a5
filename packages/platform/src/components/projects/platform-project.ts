import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { SYNC_WAVE, WAVES } from '../../argocd/application.js';
import type { Cluster } from '../../cluster/schema.js';
import { commonLabels, PLATFORM_NAMESPACES, PLATFORM_PROJECT } from '../../conventions/names.js';
import type { Component } from '../component.js';
import { platformDestinations, platformSourceRepos } from '../lookups.js';
import { COMPONENTS } from '../registry.js';
import { IDENTITY_GUARD } from './identity-guard.js';

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
];

/** Only the guard on what the identity project may put into keycloak (see identity-guard.ts). */
const IDENTITY_GUARD_KINDS = [
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingAdmissionPolicy', name: IDENTITY_GUARD },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingAdmissionPolicyBinding', name: IDENTITY_GUARD },
];

/**
 * The platform's AppProject: the operators and the Keycloak instance. It may read only the platform's own
 * sources and the Argo CD components' repositories, deploy only into those components' namespaces, and
 * create only the cluster-scoped kinds operators need (and those a component declares).
 */
export function platformProject(cluster: Cluster, registry: readonly Component[] = COMPONENTS): AppProject {
  return new AppProject({
    metadata: {
      name: PLATFORM_PROJECT,
      namespace: PLATFORM_NAMESPACES.argocd,
      labels: commonLabels('platform'),
      annotations: { [SYNC_WAVE]: String(WAVES.projects) },
    },
    spec: {
      description: 'Platform components: the operators and the Keycloak instance',
      sourceRepos: platformSourceRepos(cluster, registry),
      destinations: platformDestinations(cluster, registry).map((namespace) => ({
        server: 'https://kubernetes.default.svc',
        namespace,
      })),
      clusterResourceWhitelist: [
        ...OPERATOR_CLUSTER_KINDS,
        ...registry.flatMap((c) => (c.install === 'argocd' ? (c.clusterKinds ?? []) : [])),
        ...IDENTITY_GUARD_KINDS,
      ],
    },
  });
}
