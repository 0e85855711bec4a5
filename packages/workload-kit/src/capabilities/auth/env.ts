import {
  appNames,
  type Cluster,
  KEYCLOAK_INSTANCE,
  KEYCLOAK_SERVICE,
  PLATFORM_NAMESPACES,
} from '@ultron/platform/core';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { Workload } from '../../definition/schema.js';
import { API_CLIENT_SECRET_KEY, type Auth, realmName } from './realm.js';

/** `https://auth.<authDomain>/realms/<realm>`: what the API checks tokens' `iss` against. */
export function issuerUrl(cluster: Cluster, w: Workload, auth: Auth): string {
  return `https://auth.${cluster.authDomain}/realms/${realmName(w, auth)}`;
}

/** In-cluster Keycloak address: the API fetches signing keys here instead of hair-pinning through the edge. */
export function keycloakInternalUrl(): string {
  return `http://${KEYCLOAK_SERVICE.name(KEYCLOAK_INSTANCE)}.${PLATFORM_NAMESPACES.keycloak}:${KEYCLOAK_SERVICE.ports.http}`;
}

/** What the API needs to verify tokens and to act as its confidential client. */
export function authEnv(cluster: Cluster, w: Workload, auth: Auth): IEnvVar[] {
  const realm = realmName(w, auth);
  return [
    { name: 'OIDC_ISSUER_URL', value: issuerUrl(cluster, w, auth) },
    { name: 'OIDC_AUDIENCE', value: appNames(w.name).apiClient },
    {
      name: 'OIDC_JWKS_URL',
      value: `${keycloakInternalUrl()}/realms/${realm}/protocol/openid-connect/certs`,
    },
    {
      name: API_CLIENT_SECRET_KEY,
      valueFrom: { secretKeyRef: { name: appNames(w.name).keycloakSecret, key: API_CLIENT_SECRET_KEY } },
    },
  ];
}
