import { alertingSecrets } from '../../alerting/alertmanager.js';
import {
  ARGOCD_NOTIFICATIONS_SECRET,
  ARGOCD_NOTIFICATIONS_WEBHOOK_KEY,
} from '../../alerting/argocd-notifications.js';
import { application, treeSource, WAVES } from '../../argocd/application.js';
import { apiVersions } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { appFile, platformDir } from '../../conventions/layout.js';
import { commonLabels, PLATFORM_PROJECT, REPO_CREDENTIAL, ROOT_APP } from '../../conventions/names.js';
import type { Manifest } from '../../render/manifest.js';
import type { Slice } from '../../render/slice.js';
import { Tree } from '../../render/tree.js';
import {
  CLUSTER_SECRET_STORE,
  type ExternalSecret,
  externalSecretFor,
  vaultSecretName,
} from '../../secrets/external-secrets.js';
import type { SecretNeed } from '../../secrets/references.js';
import { chartApplication } from '../chart-component.js';
import { EXTERNAL_SECRETS_COMPONENT } from './component.js';

const { name: NAME } = EXTERNAL_SECRETS_COMPONENT;

/**
 * The second Application: the store and the Secrets of what the Helm bootstrap installs (the repository
 * credential, Alertmanager's and Argo CD notifications' credentials), once the CRDs exist.
 */
export const EXTERNAL_SECRETS_STORE = `${NAME}-store`;

/** `external-secrets.io/v1` ClusterSecretStore for OCI Vault (no models package exists for it). */
export interface ClusterSecretStore extends Manifest {
  apiVersion: typeof apiVersions.externalSecrets;
  kind: 'ClusterSecretStore';
  metadata: { name: string; labels: Record<string, string> };
  spec: {
    provider: {
      oracle: {
        vault: string;
        region: string;
        compartment: string;
        encryptionKey: string;
        principalType: 'InstancePrincipal';
      };
    };
  };
}

/**
 * The OCI Vault, read as the node itself (instance principal): nothing to bootstrap, no key in the
 * cluster. The node must be in a dynamic group allowed to `read secret-family` in the vault's
 * compartment (the runbook gives the `oci` commands).
 */
export function clusterSecretStore(cluster: Cluster): ClusterSecretStore | null {
  const s = cluster.secrets;
  if (s.backend !== 'oci-vault') return null;
  return {
    apiVersion: apiVersions.externalSecrets,
    kind: 'ClusterSecretStore',
    metadata: { name: CLUSTER_SECRET_STORE, labels: commonLabels(NAME, 'secrets') },
    spec: {
      provider: {
        oracle: {
          vault: s.vault,
          region: s.region ?? cluster.objectStorage.region,
          compartment: s.compartment,
          // The vault's master key: what new vault secrets are encrypted with (and `ultron secrets` names).
          encryptionKey: s.key,
          principalType: 'InstancePrincipal',
        },
      },
    },
  };
}

/**
 * Argo CD's credential for the private gitops repository. The bootstrap creates it once (from the vault,
 * see the runbook); from then on ESO keeps it in step with the vault.
 */
export function repositoryCredentialNeed(cluster: Cluster): SecretNeed {
  const known = { type: 'git', url: cluster.gitops.repoURL, username: REPO_CREDENTIAL.defaultUsername };
  return {
    namespace: REPO_CREDENTIAL.namespace,
    name: REPO_CREDENTIAL.secret,
    type: 'generic',
    keys: [...Object.keys(known), 'password'].sort(),
    roles: {},
    purposes: [
      `Argo CD reads the private repository ${cluster.gitops.repoURL} (root Application ${ROOT_APP})`,
    ],
    optional: false,
    known,
    labels: { ...REPO_CREDENTIAL.label },
  };
}

/** The Secrets Alertmanager reads its receivers' credentials from (see alerting/alertmanager.ts). */
export function alertingNeeds(cluster: Cluster): SecretNeed[] {
  return [...alertingSecrets(cluster)].map(([name, keys]) => ({
    namespace: cluster.monitoring.namespace,
    name,
    type: 'generic',
    keys,
    roles: {},
    purposes: [
      'Alertmanager receivers (kube-prometheus-stack values: alertmanager.alertmanagerSpec.secrets)',
    ],
    optional: false,
    known: {},
    labels: {},
  }));
}

/**
 * Argo CD's notifications Secret: its webhook token is the very vault value Alertmanager's webhook reads, so
 * one change in the vault moves both.
 */
export function argoCdNotificationsSecret(cluster: Cluster): ExternalSecret | null {
  const token = cluster.alerting.webhook?.token;
  if (!token) return null;
  const es = externalSecretFor({
    namespace: REPO_CREDENTIAL.namespace,
    name: ARGOCD_NOTIFICATIONS_SECRET,
    type: 'generic',
    keys: [ARGOCD_NOTIFICATIONS_WEBHOOK_KEY],
    roles: {},
    purposes: [],
    optional: false,
    known: {},
    labels: {},
  });
  return {
    ...es,
    spec: {
      ...es.spec,
      data: [
        {
          secretKey: ARGOCD_NOTIFICATIONS_WEBHOOK_KEY,
          remoteRef: { key: vaultSecretName(token.secret, token.key) },
        },
      ],
    },
  };
}

export function externalSecretsObjects(cluster: Cluster): Manifest[] {
  const store = clusterSecretStore(cluster);
  if (!store) return [];
  const notifications = argoCdNotificationsSecret(cluster);
  return [
    store,
    externalSecretFor(repositoryCredentialNeed(cluster)),
    ...alertingNeeds(cluster).map(externalSecretFor),
    ...(notifications ? [notifications] : []),
  ];
}

export function externalSecretsApplications(cluster: Cluster) {
  const operator = chartApplication(EXTERNAL_SECRETS_COMPONENT, cluster);
  if (cluster.secrets.backend !== 'oci-vault') return [operator];
  const store = application({
    name: EXTERNAL_SECRETS_STORE,
    project: PLATFORM_PROJECT,
    // The ClusterSecretStore is cluster-scoped; the repository credential lives in Argo CD's namespace.
    namespace: REPO_CREDENTIAL.namespace,
    // After the operator's CRDs, before the platform services whose Secrets it provides.
    wave: WAVES.operators + 1,
    sources: [treeSource(cluster, platformDir(NAME))],
    skipDryRunOnMissingResource: true,
    labels: commonLabels(NAME, 'secrets'),
  });
  return [operator, store];
}

export function externalSecrets(cluster: Cluster): Slice {
  return {
    owns: [platformDir(NAME), appFile(NAME)],
    build: () => {
      const tree = new Tree().addFile(appFile(NAME), externalSecretsApplications(cluster));
      const objects = externalSecretsObjects(cluster);
      return objects.length ? tree.addObjects(platformDir(NAME), objects) : tree;
    },
  };
}
