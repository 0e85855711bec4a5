import { SYNC_WAVE } from '../argocd/application.js';
import { apiVersions } from '../catalog/versions.js';
import type { Cluster } from '../cluster/schema.js';
import { MANAGED_BY, PART_OF } from '../conventions/names.js';
import { type Manifest, type PlainManifest, plainViews, type TypedMetadata } from '../render/manifest.js';
import { byCodePoint } from './order.js';
import { outOfBandSecrets, type SecretNeed } from './references.js';

/** The ClusterSecretStore every ExternalSecret reads from (the OCI Vault, as the node's instance principal). */
export const CLUSTER_SECRET_STORE = 'oci-vault';

/** How often ESO re-reads the vault: a rotated value reaches the pods' Secret within this time. */
const REFRESH = '1h';

/** `external-secrets.io/v1` ExternalSecret: the fields the kit sets (no models package exists for it). */
export interface ExternalSecret extends Manifest {
  apiVersion: typeof apiVersions.externalSecrets;
  kind: 'ExternalSecret';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    refreshInterval: string;
    secretStoreRef: { kind: 'ClusterSecretStore'; name: string };
    target: {
      name: string;
      creationPolicy: 'Owner' | 'Merge';
      template?: {
        engineVersion: 'v2';
        type?: string;
        metadata?: { labels: Record<string, string> };
        mergePolicy?: 'Merge';
        data?: Record<string, string>;
      };
    };
    data?: { secretKey: string; remoteRef: { key: string } }[];
    dataFrom?: { extract: { key: string } }[];
  };
}

/**
 * The vault secret holding one key of a Kubernetes Secret: `<secret>--<key>` (lowercase, `_` kept; OCI
 * secret names allow letters, digits, `-`, `_` and `.`). Not namespaced on purpose: a Secret the tree
 * reads in two namespaces (an app's `<app>-kc`, in its namespace and Keycloak's) is one value in the
 * vault, so the two copies can never disagree. The kit's Secret names carry their app's name.
 */
export function vaultSecretName(secret: string, key?: string): string {
  return [secret, ...(key ? [key] : [])]
    .join('--')
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-');
}

/** The vault keys a docker-registry Secret is templated from. */
const REGISTRY_KEYS = ['username', 'password'] as const;

/** One ExternalSecret that creates the given Secret from the vault, with its type, labels and known values. */
export function externalSecretFor(need: SecretNeed): ExternalSecret {
  const registry = need.type === 'docker-registry';
  const fromVault = registry ? [...REGISTRY_KEYS] : need.keys.filter((k) => !(k in need.known));
  const known = registry ? {} : need.known;
  const templated = registry || Object.keys(known).length > 0 || Object.keys(need.labels).length > 0;
  const server = need.known.server ?? 'ghcr.io';
  return {
    apiVersion: apiVersions.externalSecrets,
    kind: 'ExternalSecret',
    metadata: {
      name: need.name,
      namespace: need.namespace,
      labels: { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY },
      // Before what reads the Secret (operators and pods of the same sync).
      annotations: { [SYNC_WAVE]: '-1' },
    },
    spec: {
      refreshInterval: REFRESH,
      secretStoreRef: { kind: 'ClusterSecretStore', name: CLUSTER_SECRET_STORE },
      target: {
        name: need.name,
        // A Secret someone created before (the bootstrap's repository credential) is taken over, not fought.
        creationPolicy: Object.keys(need.labels).length ? 'Merge' : 'Owner',
        ...(templated
          ? {
              template: {
                engineVersion: 'v2' as const,
                ...(registry ? { type: 'kubernetes.io/dockerconfigjson' } : {}),
                ...(Object.keys(need.labels).length ? { metadata: { labels: need.labels } } : {}),
                ...(registry
                  ? {
                      data: {
                        '.dockerconfigjson': `{"auths":{"${server}":{"auth":"{{ printf "%s:%s" .username .password | b64enc }}"}}}`,
                      },
                    }
                  : {
                      // Values the tree knows (not secret) are written as they are; the rest come from the vault.
                      mergePolicy: 'Merge' as const,
                      data: Object.fromEntries(Object.entries(known).sort(([a], [b]) => byCodePoint(a, b))),
                    }),
              },
            }
          : {}),
      },
      ...(need.keys.length === 0 && !registry
        ? { dataFrom: [{ extract: { key: vaultSecretName(need.name) } }] }
        : {
            data: fromVault.map((key) => ({
              secretKey: key,
              remoteRef: { key: vaultSecretName(need.name, key) },
            })),
          }),
    },
  };
}

/**
 * ExternalSecrets for every Secret these objects read that nothing among them creates, when the cluster
 * takes its secrets from the OCI Vault: the very references `ultron secrets` lists, so the two can never
 * disagree. With the manual backend: none.
 */
export function externalSecretsFor(
  cluster: Cluster,
  objects: readonly Manifest[],
  /** Objects synced beside them (another folder of the same app): Secrets those create are not fetched. */
  context: readonly Manifest[] = [],
  /** Plain data of an object; a caller asking about the same objects several times passes `plainViews()`. */
  plainOf: (object: Manifest) => PlainManifest = plainViews(),
): ExternalSecret[] {
  if (cluster.secrets.backend !== 'oci-vault') return [];
  const plain = (list: readonly Manifest[]) => list.map((o) => ({ manifest: plainOf(o) }));
  return outOfBandSecrets(plain(objects), plain(context)).map(externalSecretFor);
}

/** The objects with the ExternalSecrets that feed them appended. */
export function withExternalSecrets(
  cluster: Cluster,
  objects: readonly Manifest[],
  context: readonly Manifest[] = [],
): Manifest[] {
  return [...objects, ...externalSecretsFor(cluster, objects, context)];
}

/** One value an operator puts into the vault: which vault secret, and which Secret keys it becomes. */
export interface VaultValue {
  vaultSecret: string;
  /** `<namespace>/<secret>` of every Secret made from it. */
  secrets: string[];
  /** The Secret key, or undefined when the vault secret holds a JSON object of every key. */
  key?: string;
}

/**
 * Every vault secret the tree's ExternalSecrets read and no PushSecret of the tree writes, sorted: what
 * `ultron secrets` asks a human to fill.
 */
export function vaultValues(
  objects: readonly { manifest: { kind: string; apiVersion: string } }[],
): VaultValue[] {
  const out = new Map<string, VaultValue>();
  const pushed = new Set(
    objects.flatMap(({ manifest }) =>
      manifest.kind === 'PushSecret'
        ? ((manifest as unknown as PushSecret).spec.data ?? []).map((d) => d.match.remoteRef.remoteKey)
        : [],
    ),
  );
  for (const { manifest } of objects) {
    if (manifest.kind !== 'ExternalSecret' || manifest.apiVersion !== apiVersions.externalSecrets) continue;
    const es = manifest as unknown as ExternalSecret;
    if (es.spec.secretStoreRef.name !== CLUSTER_SECRET_STORE) continue;
    const target = `${es.metadata.namespace}/${es.spec.target.name}`;
    const add = (vaultSecret: string, key?: string) => {
      const value = out.get(vaultSecret) ?? { vaultSecret, secrets: [], ...(key ? { key } : {}) };
      if (!value.secrets.includes(target)) value.secrets.push(target);
      out.set(vaultSecret, value);
    };
    for (const d of es.spec.data ?? []) add(d.remoteRef.key, d.secretKey);
    for (const d of es.spec.dataFrom ?? []) add(d.extract.key);
  }
  return [...out.values()]
    .filter((v) => !pushed.has(v.vaultSecret))
    .map((v) => ({ ...v, secrets: v.secrets.sort(byCodePoint) }))
    .sort((a, b) => byCodePoint(a.vaultSecret, b.vaultSecret));
}

/** The OCI Vault an OCI ClusterSecretStore reads, as rendered (what `ultron secrets` needs for its commands). */
export interface VaultLocation {
  vault: string;
  compartment: string;
  region: string;
  key: string;
}

/** The tree's OCI Vault store, or null when the tree takes its secrets by hand. */
export function vaultLocation(
  objects: readonly { manifest: { kind: string; metadata: { name?: string } } }[],
): VaultLocation | null {
  for (const { manifest } of objects) {
    if (manifest.kind !== 'ClusterSecretStore' || manifest.metadata.name !== CLUSTER_SECRET_STORE) continue;
    const oracle = (manifest as unknown as { spec?: { provider?: { oracle?: Record<string, string> } } }).spec
      ?.provider?.oracle;
    if (!oracle?.vault || !oracle.compartment || !oracle.region) continue;
    return {
      vault: oracle.vault,
      compartment: oracle.compartment,
      region: oracle.region,
      key: oracle.encryptionKey ?? '',
    };
  }
  return null;
}

/**
 * The commands that put one value into the vault: typed into a private temporary file, base64-encoded by
 * the shell's builtin printf into an `oci --from-json` file, so the value never appears on a command line,
 * in the shell history or in Git. `update-base64` replaces an existing value (a new secret version).
 */
export function vaultCommand(at: VaultLocation, value: VaultValue): string {
  const what = value.key ? `the value of ${value.key}` : 'a JSON object of every key the Secret needs';
  return [
    'umask 077 && tmp=$(mktemp) && json=$(mktemp)',
    `\${EDITOR:-vi} "$tmp"   # ${what}, nothing else`,
    `printf '{"secretContentContent": "%s"}' "$(base64 -w0 < "$tmp")" > "$json"`,
    `oci vault secret create-base64 --region ${at.region} --compartment-id ${at.compartment} --vault-id ${at.vault} --key-id ${at.key} --secret-name ${value.vaultSecret} --from-json "file://$json"`,
    `# already there? oci vault secret update-base64 --secret-id "$(oci vault secret list --region ${at.region} --compartment-id ${at.compartment} --vault-id ${at.vault} --name ${value.vaultSecret} --query 'data[0].id' --raw-output)" --from-json "file://$json"`,
    'rm -f "$tmp" "$json"',
  ].join('\n');
}

/** `generators.external-secrets.io/v1alpha1` Password: a random value ESO generates, never a human. */
export interface PasswordGenerator extends Manifest {
  apiVersion: typeof apiVersions.externalSecretsGenerators;
  kind: 'Password';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    length: number;
    digits: number;
    symbols: number;
    noUpper: boolean;
    allowRepeat: boolean;
    secretKeys: string[];
  };
}

/** `external-secrets.io/v1alpha1` PushSecret: writes a generated value into the vault, once. */
export interface PushSecret extends Manifest {
  apiVersion: 'external-secrets.io/v1alpha1';
  kind: 'PushSecret';
  metadata: TypedMetadata;
  spec: {
    refreshInterval: string;
    updatePolicy: 'IfNotExists';
    deletionPolicy: 'None';
    secretStoreRefs: { kind: 'ClusterSecretStore'; name: string }[];
    selector: { generatorRef: { apiVersion: string; kind: 'Password'; name: string } };
    data: { match: { secretKey: string; remoteRef: { remoteKey: string } } }[];
  };
}

/**
 * A Secret whose values nobody needs to know (a confidential client's secret): ESO generates them once and
 * pushes them into the vault, where every ExternalSecret of that Secret (in any namespace) reads them. The
 * vault keeps the first value (`IfNotExists`): a re-created generator never rotates it behind Keycloak's back.
 * With the manual backend: nothing (a human creates the Secret, as `ultron secrets` says).
 */
export function generatedVaultSecret(
  cluster: Cluster,
  o: { namespace: string; secret: string; keys: string[]; labels: Record<string, string> },
): [PasswordGenerator, PushSecret] | [] {
  if (cluster.secrets.backend !== 'oci-vault') return [];
  const name = `${o.secret}-generated`;
  const metadata = { name, namespace: o.namespace, labels: o.labels };
  return [
    {
      apiVersion: apiVersions.externalSecretsGenerators,
      kind: 'Password',
      metadata,
      spec: { length: 40, digits: 8, symbols: 0, noUpper: false, allowRepeat: true, secretKeys: [...o.keys] },
    },
    {
      apiVersion: 'external-secrets.io/v1alpha1',
      kind: 'PushSecret',
      // Before the ExternalSecrets (wave -1) that read the pushed value.
      metadata: { ...metadata, annotations: { [SYNC_WAVE]: '-2' } },
      spec: {
        refreshInterval: REFRESH,
        updatePolicy: 'IfNotExists',
        deletionPolicy: 'None',
        secretStoreRefs: [{ kind: 'ClusterSecretStore', name: CLUSTER_SECRET_STORE }],
        selector: {
          generatorRef: { apiVersion: apiVersions.externalSecretsGenerators, kind: 'Password', name },
        },
        data: o.keys.map((key) => ({
          match: { secretKey: key, remoteRef: { remoteKey: vaultSecretName(o.secret, key) } },
        })),
      },
    },
  ];
}
