import { WAVES } from '../../argocd/application.js';
import { manifests } from '../../catalog/versions.js';
import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { ArgoCdComponent, OperatorService } from '../component.js';

/** The operator serves each Keycloak as `<name>-service` with these labels and ports. */
export const KEYCLOAK_SERVICE: OperatorService = {
  group: 'k8s.keycloak.org',
  kind: 'Keycloak',
  name: (instance) => `${instance}-service`,
  labels: (instance) => ({
    app: 'keycloak',
    'app.kubernetes.io/instance': instance,
    'app.kubernetes.io/managed-by': 'keycloak-operator',
  }),
  ports: [
    { name: 'http', port: 8080 },
    { name: 'https', port: 8443 },
    { name: 'management', port: 9000 },
  ],
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
  services: [KEYCLOAK_SERVICE],
  repositories: [manifests.keycloakOperator.repo],
  manifests: manifests.keycloakOperator,
} as const satisfies ArgoCdComponent;
