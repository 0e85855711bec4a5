import {
  ARGOCD,
  application,
  appNames,
  type Cluster,
  commonLabels,
  IDENTITY_PROJECT,
  KEYCLOAK_INSTANCE,
  type Manifest,
  manifests,
  PLATFORM_NAMESPACES,
  treeSource,
  WAVES,
  workloadDir,
} from '@ultron/platform/core';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { Workload } from '../definition/schema.js';
import type { KeycloakClient, KeycloakRealmImport } from '../models/keycloak-realm-import.js';
import { sortedData } from './config-maps.js';
import { containerSecurityContext, tmpMount, tmpVolume } from './pod.js';

type Auth = Exclude<Workload['auth'], false>;

/** The key of `<app>-kc` holding the confidential API client's secret (read by the API and by Keycloak). */
export const API_CLIENT_SECRET_KEY = 'KC_API_CLIENT_SECRET';
const SECRET_PLACEHOLDER = `\${${API_CLIENT_SECRET_KEY}}`;

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
  return {
    clientId: names.spaClient,
    name: `${w.name} web app`,
    enabled: true,
    protocol: 'openid-connect',
    publicClient: true,
    standardFlowEnabled: true,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    redirectUris: [...auth.spa.redirectUris],
    webOrigins: [...auth.spa.webOrigins],
    attributes: {
      'pkce.code.challenge.method': 'S256',
      'post.logout.redirect.uris': auth.spa.webOrigins.join('##'),
    },
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
  };
}

/** The API's confidential client; its secret comes from `<app>-kc`, never from Git. */
function apiClient(w: Workload): KeycloakClient {
  return {
    clientId: appNames(w.name).apiClient,
    name: `${w.name} API`,
    enabled: true,
    protocol: 'openid-connect',
    publicClient: false,
    standardFlowEnabled: false,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: true,
    secret: SECRET_PLACEHOLDER,
  };
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
        clients: [spaClient(w, auth), apiClient(w)],
      },
      placeholders: {
        [API_CLIENT_SECRET_KEY]: { secret: { name: names.keycloakSecret, key: API_CLIENT_SECRET_KEY } },
      },
    },
  };
}

/**
 * Applies the declared clients to the live realm on every sync, because the realm import only creates.
 * Idempotent: updates (merging) what exists, creates what is missing, never deletes what it does not own.
 */
const SYNC_SCRIPT = `#!/bin/bash
# Reconciles this app's Keycloak clients with the declared ones (a KeycloakRealmImport never updates).
set -euo pipefail
kc() { /opt/keycloak/bin/kcadm.sh "$@" --config /tmp/kcadm.config; }
retry() { for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 5; done; echo "timed out: $*" >&2; return 1; }

retry kc config credentials --server "$KEYCLOAK_URL" --realm master --user "$KC_ADMIN_USER" --password "$KC_ADMIN_PASSWORD"
# The realm exists once the operator has run the import.
retry kc get "realms/$REALM"

client_uuid() { kc get clients -r "$REALM" -q "clientId=$1" --fields id --format csv --noquotes; }

for file in /config/client--*.json; do
  client_id=$(basename "$file" .json); client_id=\${client_id#client--}
  uuid=$(client_uuid "$client_id")
  if [ -z "$uuid" ]; then kc create clients -r "$REALM" -f "$file"; uuid=$(client_uuid "$client_id");
  else kc update "clients/$uuid" -r "$REALM" -f "$file" --merge; fi
  for mapper in /config/mapper--"$client_id"--*.json; do
    [ -e "$mapper" ] || continue
    name=$(basename "$mapper" .json); name=\${name#mapper--"$client_id"--}
    existing=$(kc get "clients/$uuid/protocol-mappers/models" -r "$REALM" --fields id,name --format csv --noquotes | awk -F, -v n="$name" '$2 == n { print $1 }')
    if [ -n "$existing" ]; then kc update "clients/$uuid/protocol-mappers/models/$existing" -r "$REALM" -f "$mapper" -s "id=$existing";
    else kc create "clients/$uuid/protocol-mappers/models" -r "$REALM" -f "$mapper"; fi
  done
  echo "client $client_id in sync"
done
kc update "clients/$(client_uuid "$API_CLIENT_ID")" -r "$REALM" -s "secret=$KC_API_CLIENT_SECRET"
echo "realm $REALM in sync"
`;

function syncConfigMap(w: Workload, auth: Auth): ConfigMap {
  const files: Record<string, string> = { 'sync-realm.sh': SYNC_SCRIPT };
  for (const client of [spaClient(w, auth), apiClient(w)]) {
    const { protocolMappers, secret: _secret, ...fields } = client;
    files[`client--${client.clientId}.json`] = `${JSON.stringify(fields, null, 2)}\n`;
    for (const mapper of protocolMappers ?? []) {
      files[`mapper--${client.clientId}--${mapper.name}.json`] = `${JSON.stringify(mapper, null, 2)}\n`;
    }
  }
  return new ConfigMap({
    metadata: {
      name: `${w.name}-realm-sync`,
      namespace: PLATFORM_NAMESPACES.keycloak,
      labels: commonLabels(w.name, 'auth'),
    },
    data: sortedData(files),
  });
}

function syncJob(w: Workload, auth: Auth): Job {
  const names = appNames(w.name);
  const admin = `${KEYCLOAK_INSTANCE}-initial-admin`;
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
        metadata: { labels: commonLabels(w.name, 'auth') },
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
                { name: 'API_CLIENT_ID', value: names.apiClient },
                { name: 'KC_ADMIN_USER', valueFrom: { secretKeyRef: { name: admin, key: 'username' } } },
                { name: 'KC_ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: admin, key: 'password' } } },
                {
                  name: API_CLIENT_SECRET_KEY,
                  valueFrom: { secretKeyRef: { name: names.keycloakSecret, key: API_CLIENT_SECRET_KEY } },
                },
              ],
              resources: { requests: { cpu: '50m', memory: '256Mi' }, limits: { memory: '512Mi' } },
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
export function authEnv(cluster: Cluster, w: Workload): IEnvVar[] {
  if (!w.auth) return [];
  const realm = realmName(w, w.auth);
  return [
    { name: 'OIDC_ISSUER_URL', value: issuerUrl(cluster, w, w.auth) },
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

export function authObjects(w: Workload): Manifest[] {
  if (!w.auth) return [];
  return [realmImport(w, w.auth), syncConfigMap(w, w.auth), syncJob(w, w.auth)];
}
