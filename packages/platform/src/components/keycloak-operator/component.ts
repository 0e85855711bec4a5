import { WAVES } from '../../argocd/application.js';
import { manifests } from '../../catalog/versions.js';
import { KEYCLOAK_SERVICE, PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { ArgoCdComponent, OperatorService } from '../component.js';

/** The operator serves each Keycloak as `<name>-service` (names, labels and ports in conventions). */
export const KEYCLOAK_OPERATOR_SERVICE: OperatorService = {
  group: 'k8s.keycloak.org',
  kind: 'Keycloak',
  name: KEYCLOAK_SERVICE.name,
  labels: KEYCLOAK_SERVICE.labels,
  ports: Object.entries(KEYCLOAK_SERVICE.ports).map(([name, port]) => ({ name, port })),
};

/**
 * The Keycloak operator straight from keycloak/keycloak-k8s-resources at the pinned tag, in the namespace
 * of the instance it runs (whose component holds that namespace's policy).
 */
export const KEYCLOAK_OPERATOR_COMPONENT = {
  name: 'keycloak-operator',
  install: 'argocd',
  namespace: PLATFORM_NAMESPACES.keycloak,
  wave: WAVES.operators,
  crdGroups: ['k8s.keycloak.org'],
  services: [KEYCLOAK_OPERATOR_SERVICE],
  repositories: [manifests.keycloakOperator.repo],
  manifests: manifests.keycloakOperator,
} as const satisfies ArgoCdComponent;
