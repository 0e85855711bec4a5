import type { Manifest } from '@ultron/platform/core';

/** The fields of a Keycloak ClientRepresentation the kit sets. */
export interface KeycloakClient {
  clientId: string;
  name?: string;
  /** `managed by ultron realm sync` on what the sync owns (updates and deletes). */
  description?: string;
  enabled: boolean;
  protocol: 'openid-connect';
  publicClient: boolean;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  bearerOnly?: boolean;
  secret?: string;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  protocolMappers?: {
    name: string;
    protocol: 'openid-connect';
    protocolMapper: string;
    config: Record<string, string>;
  }[];
}

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
