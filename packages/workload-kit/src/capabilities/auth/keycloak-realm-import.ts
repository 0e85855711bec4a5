import type { KeycloakClient, Manifest } from '@ultron/platform/core';

export type { KeycloakClient };

/**
 * `k8s.keycloak.org/v2beta1` KeycloakRealmImport. No models package exists; checked strictly against the
 * Keycloak CRD in the conformance tests.
 */
export interface KeycloakRealmImport extends Manifest {
  apiVersion: 'k8s.keycloak.org/v2beta1';
  kind: 'KeycloakRealmImport';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: {
    keycloakCRName: string;
    realm: {
      realm: string;
      enabled: boolean;
      sslRequired: 'external' | 'all';
      clients: KeycloakClient[];
      roles: { realm: { name: string; description: string }[] };
      /** Only the sync client's service account, with its realm-management roles. */
      users: {
        username: string;
        enabled: boolean;
        serviceAccountClientId: string;
        clientRoles: Record<string, string[]>;
      }[];
    };
    placeholders?: Record<string, { secret: { name: string; key: string } }>;
  };
}
