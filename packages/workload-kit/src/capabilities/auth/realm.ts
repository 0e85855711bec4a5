import {
  ARGOCD,
  application,
  appNames,
  type Cluster,
  commonLabels,
  IDENTITY_PROJECT,
  KEYCLOAK_INSTANCE,
  type KeycloakClient,
  LABELS,
  type Manifest,
  manifests,
  PLATFORM_NAMESPACES,
  publicPkceClient,
  serviceAccountClient,
  treeSource,
  WAVES,
  workloadDir,
} from '@ultron/platform/core';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { Workload } from '../../definition/schema.js';
import { containerSecurityContext, tmpMount, tmpVolume } from '../../parts/pod.js';
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

export function realmDir(app: string): string {
  return `${workloadDir(app)}/realm`;
}

export function realmName(w: Workload, auth: Auth): string {
  return auth.realm ?? w.name;
}

/** `https://auth.<authDomain>/realms/<realm>`: what the API checks tokens' `iss` against. */
export function issuerUrl(cluster: Cluster, w: Workload, auth: Auth): string {
  return `https://auth.${cluster.authDomain}/realms/${realmName(w, auth)}`;
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
function realmImport(w: Workload, auth: Auth): KeycloakRealmImport {
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

function syncConfigMap(w: Workload, auth: Auth): ConfigMap {
  return new ConfigMap({
    metadata: {
      name: `${w.name}-realm-sync`,
      namespace: PLATFORM_NAMESPACES.keycloak,
      labels: commonLabels(w.name, 'auth'),
    },
    data: syncFiles(w, auth),
  });
}

/** The realm sync Job's container: kcadm.sh is a JVM. */
export const SYNC_JOB_RESOURCES = { requests: { cpu: '50m', memory: '256Mi' }, limits: { memory: '512Mi' } };

function syncJob(w: Workload, auth: Auth): Job {
  const names = appNames(w.name);
  const secretEnv = (name: string, key: string): IEnvVar => ({
    name,
    valueFrom: { secretKeyRef: { name: names.keycloakSecret, key } },
  });
  return new Job({
    metadata: {
      name: `${w.name}-realm-sync`,
      namespace: PLATFORM_NAMESPACES.keycloak,
      labels: commonLabels(w.name, 'auth'),
      annotations: { [ARGOCD.hook]: 'PostSync', [ARGOCD.hookDeletePolicy]: 'BeforeHookCreation' },
    },
    spec: {
      backoffLimit: 3,
      activeDeadlineSeconds: 900,
      template: {
        // The label Keycloak's NetworkPolicy admits to the admin API (and nothing else in the namespace).
        metadata: { labels: { ...commonLabels(w.name, 'auth'), [LABELS.realmSync]: 'true' } },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'sync-realm',
              // The server image ships kcadm.sh; same version as the operator that runs Keycloak.
              image: `quay.io/keycloak/keycloak:${manifests.keycloakOperator.version}`,
              command: ['/bin/bash', '/config/sync-realm.sh'],
              env: [
                { name: 'HOME', value: '/tmp' },
                { name: 'KEYCLOAK_URL', value: keycloakInternalUrl() },
                { name: 'REALM', value: realmName(w, auth) },
                { name: 'SYNC_CLIENT_ID', value: SYNC_CLIENT_ID },
                { name: 'API_CLIENT_ID', value: names.apiClient },
                // kcadm reads the client secret from this variable: it never appears on a command line.
                secretEnv('KC_CLI_CLIENT_SECRET', SYNC_CLIENT_SECRET_KEY),
                secretEnv(API_CLIENT_SECRET_KEY, API_CLIENT_SECRET_KEY),
              ],
              resources: SYNC_JOB_RESOURCES,
              securityContext: containerSecurityContext,
              volumeMounts: [tmpMount, { name: 'config', mountPath: '/config', readOnly: true }],
            },
          ],
          volumes: [tmpVolume, { name: 'config', configMap: { name: `${w.name}-realm-sync` } }],
        },
      },
    },
  });
}

/**
 * The realm's Application, in the platform's `identity` project (which may only sync realm imports,
 * their sync Jobs and ConfigMaps into the Keycloak namespace): the app's own project stays limited to
 * its namespace.
 */
export function realmApplication(cluster: Cluster, w: Workload) {
  return application({
    name: `${appNames(w.name).application}-realm`,
    project: IDENTITY_PROJECT,
    namespace: PLATFORM_NAMESPACES.keycloak,
    wave: WAVES.workloads - 1,
    sources: [treeSource(cluster, realmDir(w.name))],
    skipDryRunOnMissingResource: true,
    labels: commonLabels(w.name, 'auth'),
  });
}

/** In-cluster Keycloak address: the API fetches signing keys here instead of hair-pinning through the edge. */
export function keycloakInternalUrl(): string {
  return `http://${KEYCLOAK_INSTANCE}-service.${PLATFORM_NAMESPACES.keycloak}:8080`;
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

/** The realm's objects, in the Keycloak namespace: the import, and the sync Job with its ConfigMap. */
export function authObjects(w: Workload, auth: Auth): Manifest[] {
  return [realmImport(w, auth), syncConfigMap(w, auth), syncJob(w, auth)];
}
