import { WAVES } from '../../argocd/application.js';
import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { ArgoCdComponent } from '../component.js';
import { KEYCLOAK_NAMESPACE_POLICY } from './namespace.js';

/** The Keycloak instance, its database and the platform realm, rendered into `platform/keycloak/`. */
export const KEYCLOAK_COMPONENT = {
  name: 'keycloak',
  install: 'argocd',
  namespace: PLATFORM_NAMESPACES.keycloak,
  wave: WAVES.platformServices,
  crdGroups: [],
  services: [],
  // Only the gitops repository: everything it syncs is rendered here.
  repositories: [],
  namespacePolicy: KEYCLOAK_NAMESPACE_POLICY,
} as const satisfies ArgoCdComponent;
