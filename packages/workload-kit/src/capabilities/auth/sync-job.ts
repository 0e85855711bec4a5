import {
  ARGOCD,
  appNames,
  commonLabels,
  LABELS,
  manifests,
  PLATFORM_NAMESPACES,
} from '@ultron/platform/core';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { Workload } from '../../definition/schema.js';
import { containerSecurityContext, tmpMount, tmpVolume } from '../../parts/pod.js';
import { keycloakInternalUrl } from './env.js';
import {
  API_CLIENT_SECRET_KEY,
  type Auth,
  realmName,
  SYNC_CLIENT_ID,
  SYNC_CLIENT_SECRET_KEY,
  syncFiles,
} from './realm.js';

export function syncConfigMap(w: Workload, auth: Auth): ConfigMap {
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

export function syncJob(w: Workload, auth: Auth): Job {
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
