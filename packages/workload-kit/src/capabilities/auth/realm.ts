import {
  appNames,
  commonLabels,
  KEYCLOAK_INSTANCE,
  type KeycloakClient,
  PLATFORM_NAMESPACES,
  publicPkceClient,
  serviceAccountClient,
} from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';
import { sortedData } from '../../parts/sorted-data.js';
import type { KeycloakRealmImport } from './keycloak-realm-import.js';
import { SYNC_SCRIPT } from './realm-sync/script.js';

export type Auth = Exclude<Workload['auth'], false>;

/** The key of `<app>-kc` holding the confidential API client's secret (read by the API and by Keycloak). */
export const API_CLIENT_SECRET_KEY = 'KC_API_CLIENT_SECRET';
/** The key of `<app>-kc` holding the realm-sync client's secret (read by the import and the sync Job). */
export const SYNC_CLIENT_SECRET_KEY = 'KC_SYNC_CLIENT_SECRET';
const placeholder = (key: string) => `\${${key}}`;
/** The realm's own admin client: a service account limited to this realm's clients and roles. */
export const SYNC_CLIENT_ID = 'realm-sync';
/** What marks a client or realm role as the sync's to update and delete (see realm-sync/script.ts). */
export const MANAGED_DESCRIPTION = 'managed by ultron realm sync';
/** The realm-management roles the sync client's service account holds: manage this realm's clients and roles, nothing more. */
const SYNC_CLIENT_ROLES = ['manage-clients', 'manage-realm', 'view-clients', 'view-realm'];

export function realmName(w: Workload, auth: Auth): string {
  return auth.realm ?? w.name;
}

/**
 * The SPA's public client (authorization code + PKCE S256, exact redirect URIs and origins) with an
 * audience mapper, so its access tokens name the API client in `aud` and the API accepts them.
 */
function spaClient(w: Workload, auth: Auth): KeycloakClient {
  const names = appNames(w.name);
  return publicPkceClient({
    clientId: names.spaClient,
    name: `${w.name} web app`,
    description: MANAGED_DESCRIPTION,
    redirectUris: auth.spa.redirectUris,
    webOrigins: auth.spa.webOrigins,
    protocolMappers: [
      {
        name: `audience-${names.apiClient}`,
        protocol: 'openid-connect',
        protocolMapper: 'oidc-audience-mapper',
        config: {
          'included.client.audience': names.apiClient,
          'access.token.claim': 'true',
          'id.token.claim': 'false',
          'introspection.token.claim': 'true',
        },
      },
    ],
  });
}

/** The API's confidential client; its secret comes from `<app>-kc`, never from Git. */
function apiClient(w: Workload): KeycloakClient {
  return serviceAccountClient({
    clientId: appNames(w.name).apiClient,
    name: `${w.name} API`,
    description: MANAGED_DESCRIPTION,
    secret: placeholder(API_CLIENT_SECRET_KEY),
  });
}

/**
 * The realm-sync client: a service account with this realm's realm-management roles only. The import
 * creates it with the realm; the sync never touches it (it carries no managed description).
 */
function syncClient(): KeycloakClient {
  return serviceAccountClient({
    clientId: SYNC_CLIENT_ID,
    name: 'realm sync (ultron)',
    secret: placeholder(SYNC_CLIENT_SECRET_KEY),
  });
}

/** The realm roles of the definition, marked as the sync's own. */
function realmRoles(auth: Auth) {
  return [...auth.roles].sort().map((name) => ({ name, description: MANAGED_DESCRIPTION }));
}

/** Creates the realm on first sync (the operator's import never updates an existing realm). */
export function realmImport(w: Workload, auth: Auth): KeycloakRealmImport {
  const names = appNames(w.name);
  return {
    apiVersion: 'k8s.keycloak.org/v2beta1',
    kind: 'KeycloakRealmImport',
    metadata: {
      name: `${w.name}-realm`,
      namespace: PLATFORM_NAMESPACES.keycloak,
      labels: commonLabels(w.name, 'auth'),
    },
    spec: {
      keycloakCRName: KEYCLOAK_INSTANCE,
      realm: {
        realm: realmName(w, auth),
        enabled: true,
        sslRequired: 'external',
        clients: [spaClient(w, auth), apiClient(w), syncClient()],
        roles: { realm: realmRoles(auth) },
        users: [
          {
            username: `service-account-${SYNC_CLIENT_ID}`,
            enabled: true,
            serviceAccountClientId: SYNC_CLIENT_ID,
            clientRoles: { 'realm-management': SYNC_CLIENT_ROLES },
          },
        ],
      },
      placeholders: {
        [API_CLIENT_SECRET_KEY]: { secret: { name: names.keycloakSecret, key: API_CLIENT_SECRET_KEY } },
        [SYNC_CLIENT_SECRET_KEY]: { secret: { name: names.keycloakSecret, key: SYNC_CLIENT_SECRET_KEY } },
      },
    },
  };
}

/** The files the sync script reads from `/config`: one per client, mapper and role, plus URI lists. */
export function syncFiles(w: Workload, auth: Auth): Record<string, string> {
  const files: Record<string, string> = { 'sync-realm.sh': SYNC_SCRIPT };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  for (const client of [spaClient(w, auth), apiClient(w)]) {
    const { protocolMappers, secret: _secret, ...fields } = client;
    files[`client--${client.clientId}.json`] = json(fields);
    // Plain lists, so the script can name each URI an update removes without a JSON parser.
    files[`redirectUris--${client.clientId}.txt`] = (client.redirectUris ?? []).map((u) => `${u}\n`).join('');
    files[`webOrigins--${client.clientId}.txt`] = (client.webOrigins ?? []).map((u) => `${u}\n`).join('');
    for (const mapper of protocolMappers ?? []) {
      files[`mapper--${client.clientId}--${mapper.name}.json`] = json(mapper);
    }
  }
  for (const role of realmRoles(auth)) files[`role--${role.name}.json`] = json(role);
  return sortedData(files);
}
