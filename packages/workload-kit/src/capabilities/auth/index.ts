import {
  appNames,
  commonLabels,
  generatedVaultSecret,
  inNamespace,
  LABELS,
  PLATFORM_NAMESPACES,
  tcp,
} from '@ultron/platform/core';
import type { Capability } from '../capability.js';
import { realmApplication, realmDir } from './application.js';
import { authEnv } from './env.js';
import { API_CLIENT_SECRET_KEY, realmImport, SYNC_CLIENT_SECRET_KEY } from './realm.js';
import { SYNC_JOB_RESOURCES, syncConfigMap, syncJob } from './sync-job.js';

/**
 * Keycloak: the app's realm with its SPA and API clients (created by a KeycloakRealmImport, kept in sync
 * by a PostSync Job), in its own folder synced into the Keycloak namespace; the API verifies tokens.
 */
export const auth: Capability = {
  name: 'auth',
  enabled: (w) => w.auth !== false,
  contributes: ({ cluster, w }) => {
    if (!w.auth) return {};
    const names = appNames(w.name);
    const secret = (namespace: string, keys: string[]) => ({
      namespace,
      name: names.keycloakSecret,
      keys,
      madeBy: 'out of band (a person), or generated into the vault by ESO',
    });
    return {
      servingEnv: authEnv(cluster, w, w.auth),
      // Keycloak's own NetworkPolicy admits the pods of namespaces marked as its clients (and no other).
      namespaceLabels: { [LABELS.keycloakClient]: 'true' },
      egress: [
        {
          name: 'keycloak',
          reason: "token signing keys from Keycloak's in-cluster service",
          to: [inNamespace(PLATFORM_NAMESPACES.keycloak, { 'app.kubernetes.io/instance': 'keycloak' })],
          ports: [tcp(8080)],
        },
      ],
      secrets: [
        secret(names.namespace, [API_CLIENT_SECRET_KEY]),
        secret(PLATFORM_NAMESPACES.keycloak, [API_CLIENT_SECRET_KEY, SYNC_CLIENT_SECRET_KEY]),
      ],
      budget: [{ what: 'realm sync Job', count: 1, ...SYNC_JOB_RESOURCES }],
    };
  },
  render: ({ cluster, w }) => {
    if (!w.auth) return {};
    const names = appNames(w.name);
    return {
      folder: {
        dir: realmDir(w.name),
        application: realmApplication(cluster, w),
        namespace: PLATFORM_NAMESPACES.keycloak,
        // The import creates the realm; the sync Job (and the files it reads) keeps it in sync.
        objects: [realmImport(w, w.auth), syncConfigMap(w, w.auth), syncJob(w, w.auth)],
      },
      // The API client's secret: generated and pushed to the vault by ESO, never typed (OCI Vault backend).
      namespaceFirst: generatedVaultSecret(cluster, {
        namespace: names.namespace,
        secret: names.keycloakSecret,
        keys: [API_CLIENT_SECRET_KEY],
        labels: commonLabels(w.name, 'auth'),
      }),
    };
  },
};
