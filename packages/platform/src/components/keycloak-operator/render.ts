import { application } from '../../argocd/application.js';
import type { Cluster } from '../../cluster/schema.js';
import { appFile, platformDir } from '../../conventions/layout.js';
import { commonLabels, PLATFORM_PROJECT } from '../../conventions/names.js';
import type { Slice } from '../../render/slice.js';
import { Tree } from '../../render/tree.js';
import { KEYCLOAK_OPERATOR_COMPONENT } from './component.js';

/** The upstream files of the pinned release: the two CRDs and the operator (RBAC, Service, Deployment). */
export const KEYCLOAK_OPERATOR_FILES = [
  'keycloaks.k8s.keycloak.org-v1.yml',
  'keycloakrealmimports.k8s.keycloak.org-v1.yml',
  'kubernetes.yml',
] as const;

/**
 * The Keycloak operator straight from keycloak/keycloak-k8s-resources at the pinned tag. Its manifests
 * carry no namespace (they land in `keycloak`, the Application's destination) except the
 * ClusterRoleBinding's subject, which upstream already sets to `keycloak`.
 */
export function keycloakOperatorApplication(_cluster: Cluster) {
  const { name, namespace, wave, manifests: pin } = KEYCLOAK_OPERATOR_COMPONENT;
  return application({
    name,
    project: PLATFORM_PROJECT,
    namespace,
    wave,
    sources: [
      {
        repoURL: pin.repo,
        targetRevision: pin.version,
        path: pin.path,
        // Exactly these files: anything else upstream adds to the folder is not applied by surprise.
        directory: { include: `{${KEYCLOAK_OPERATOR_FILES.join(',')}}` },
      },
    ],
    // The Keycloak CRD (~500 KB) is far beyond the client-side apply annotation limit.
    serverSideApply: true,
    labels: commonLabels(name, 'operator'),
  });
}

export function keycloakOperator(cluster: Cluster): Slice {
  const { name } = KEYCLOAK_OPERATOR_COMPONENT;
  return {
    owns: [platformDir(name), appFile(name)],
    build: () => new Tree().addFile(appFile(name), [keycloakOperatorApplication(cluster)]),
  };
}
