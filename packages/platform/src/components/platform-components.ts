import { WAVES } from '../argocd/application.js';
import { PLATFORM_NAMESPACES } from '../conventions/names.js';

/**
 * The components Argo CD syncs for the platform, each an `apps/<name>.yaml` and (for those rendered here)
 * a `platform/<name>/` folder. Operators come a wave before what uses their CRDs; the AppProject lets
 * the platform deploy only into these namespaces.
 */
export const PLATFORM_COMPONENTS = {
  cnpgOperator: { name: 'cnpg-operator', namespace: PLATFORM_NAMESPACES.cnpg, wave: WAVES.operators },
  /** Beside the CNPG operator: the operator discovers plugins by their Service in its own namespace. */
  barmanCloudPlugin: {
    name: 'barman-cloud-plugin',
    namespace: PLATFORM_NAMESPACES.cnpg,
    wave: WAVES.operators,
  },
  externalSecrets: {
    name: 'external-secrets',
    namespace: PLATFORM_NAMESPACES.externalSecrets,
    wave: WAVES.operators,
  },
  keycloakOperator: {
    name: 'keycloak-operator',
    namespace: PLATFORM_NAMESPACES.keycloak,
    wave: WAVES.operators,
  },
  keycloak: { name: 'keycloak', namespace: PLATFORM_NAMESPACES.keycloak, wave: WAVES.platformServices },
} as const;
