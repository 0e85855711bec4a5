import { KEYCLOAK_INSTANCE, PLATFORM_NAMESPACES, REPO_CREDENTIAL, ROOT_APP } from '../conventions/names.js';
import { describe, type PlainManifest } from '../render/manifest.js';
import { applicationSources } from './applications.js';
import { parseImageRef } from './images.js';
import { arr, type Json, obj, str } from './json.js';
import { groupKind } from './objects.js';
import { operatorOwned } from './operators.js';
import { containersOf, podTemplates } from './pods.js';

/** How a Secret is created: most from an env file; image pull secrets need the registry format. */
export type SecretType = 'generic' | 'docker-registry';

/** A role a key plays, where the tree tells us (lets the runbook say what value goes where). */
export type KeyRole = 'accessKeyId' | 'secretAccessKey';

/** One place an object reads a Secret (or one key of it). */
export interface SecretReference {
  namespace: string;
  name: string;
  key?: string | undefined;
  role?: KeyRole;
  type?: SecretType;
  purpose: string;
  optional?: boolean | undefined;
  known?: Record<string, string>;
  labels?: Record<string, string>;
}

function podRefs(m: PlainManifest, ns: string): SecretReference[] {
  const refs: SecretReference[] = [];
  for (const { spec } of podTemplates(m)) {
    for (const { container } of containersOf(spec)) {
      const where = `${describe(m)} (container ${container.name})`;
      for (const e of container.env ?? []) {
        const r = e.valueFrom?.secretKeyRef;
        if (r?.name)
          refs.push({
            namespace: ns,
            name: r.name,
            key: r.key,
            purpose: `env ${e.name} of ${where}`,
            optional: r.optional,
          });
      }
      for (const e of container.envFrom ?? []) {
        const r = e.secretRef;
        if (r?.name)
          refs.push({
            namespace: ns,
            name: r.name,
            purpose: `all keys as env of ${where}`,
            optional: r.optional,
          });
      }
    }
    for (const v of spec.volumes ?? []) {
      const secret = obj(v.secret);
      const name = str(secret?.secretName);
      if (!name) continue;
      const items = arr(secret?.items).map((i) => str(obj(i)?.key));
      const base = {
        namespace: ns,
        name,
        purpose: `volume ${String(v.name)} of ${describe(m)}`,
        optional: secret?.optional === true,
      };
      if (items.length) for (const key of items) refs.push({ ...base, ...(key ? { key } : {}) });
      else refs.push(base);
    }
    // The registry to log in to is the one the pod's images come from.
    const image = containersOf(spec).find((c) => c.container.image)?.container.image;
    const server = image ? parseImageRef(image).repository.split('/')[0]! : 'ghcr.io';
    for (const p of spec.imagePullSecrets ?? [])
      if (p.name)
        refs.push({
          namespace: ns,
          name: p.name,
          type: 'docker-registry',
          purpose: `pulls the private images of ${describe(m)}`,
          known: { server },
        });
  }
  return refs;
}

/** CNPG reads S3 credentials for backups (`spec.backup`) and for recovery sources (`externalClusters`). */
function s3Refs(m: PlainManifest, ns: string, store: Json | undefined, what: string): SecretReference[] {
  const creds = obj(store?.s3Credentials);
  if (!creds) return [];
  return (['accessKeyId', 'secretAccessKey', 'region', 'sessionToken'] as const).flatMap((field) => {
    const sel = obj(creds[field]);
    const name = str(sel?.name);
    if (!name) return [];
    const role = field === 'accessKeyId' || field === 'secretAccessKey' ? { role: field } : {};
    return [
      {
        namespace: ns,
        name,
        key: str(sel?.key),
        ...role,
        purpose: `${what} of ${describe(m)} (S3-compatible Object Storage)`,
      },
    ];
  });
}

function cnpgRefs(m: PlainManifest, ns: string): SecretReference[] {
  const spec = obj(m.spec);
  const refs = [
    ...s3Refs(m, ns, obj(obj(spec?.backup)?.barmanObjectStore), 'WAL archive and base backups'),
    ...arr(spec?.externalClusters).flatMap((c) =>
      s3Refs(m, ns, obj(obj(c)?.barmanObjectStore), `recovery source ${String(obj(c)?.name)}`),
    ),
  ];
  const owner = str(obj(obj(obj(spec?.bootstrap)?.initdb)?.secret)?.name);
  if (owner)
    refs.push({ namespace: ns, name: owner, purpose: `database owner credentials of ${describe(m)}` });
  const superuser = str(obj(spec?.superuserSecret)?.name);
  if (superuser)
    refs.push({ namespace: ns, name: superuser, purpose: `superuser credentials of ${describe(m)}` });
  return refs;
}

function objectStoreRefs(m: PlainManifest, ns: string): SecretReference[] {
  return s3Refs(m, ns, obj(obj(m.spec)?.configuration), 'Barman Cloud plugin backups');
}

function keycloakRefs(m: PlainManifest, ns: string): SecretReference[] {
  const db = obj(obj(m.spec)?.db);
  return (['usernameSecret', 'passwordSecret'] as const).flatMap((field) => {
    const sel = obj(db?.[field]);
    const name = str(sel?.name);
    return name
      ? [
          {
            namespace: ns,
            name,
            key: str(sel?.key),
            purpose: `database ${field.replace('Secret', '')} of ${describe(m)}`,
          },
        ]
      : [];
  });
}

/** Realm imports substitute `${NAME}` placeholders from Secrets, e.g. a confidential client's secret. */
function realmImportRefs(m: PlainManifest, ns: string): SecretReference[] {
  return Object.entries(obj(obj(m.spec)?.placeholders) ?? {}).flatMap(([placeholder, value]) => {
    const sel = obj(obj(value)?.secret);
    const name = str(sel?.name);
    return name
      ? [{ namespace: ns, name, key: str(sel?.key), purpose: `placeholder ${placeholder} of ${describe(m)}` }]
      : [];
  });
}

/** The gitops repository: what the root Application reads. It is private; upstream sources are not. */
export function privateRepositories(objects: readonly { manifest: PlainManifest }[]): Set<string> {
  const root = objects.find(
    (o) => o.manifest.kind === 'Application' && o.manifest.metadata.name === ROOT_APP,
  );
  return new Set(root ? applicationSources(root.manifest).map((s) => str(s.repoURL) ?? '') : []);
}

/**
 * Argo CD needs a credential for the private gitops repository every Application of this tree reads. The
 * bootstrap names it; the runbook prefills its non-secret fields.
 */
function repositoryRefs(m: PlainManifest, repos: ReadonlySet<string>): SecretReference[] {
  return applicationSources(m).flatMap((source) => {
    const url = str(source.repoURL);
    if (!url || !repos.has(url)) return [];
    const known = { type: 'git', url, username: REPO_CREDENTIAL.defaultUsername };
    return [...Object.keys(known), 'password'].map((key) => ({
      namespace: REPO_CREDENTIAL.namespace,
      name: REPO_CREDENTIAL.secret,
      key,
      purpose: `Argo CD reads the private repository ${url}; \`ultron-bootstrap\` creates it from $${REPO_CREDENTIAL.tokenEnv}`,
      known,
      labels: { ...REPO_CREDENTIAL.label },
    }));
  });
}

const READERS: Record<string, (m: PlainManifest, ns: string) => SecretReference[]> = {
  'postgresql.cnpg.io/Cluster': cnpgRefs,
  'barmancloud.cnpg.io/ObjectStore': objectStoreRefs,
  'k8s.keycloak.org/Keycloak': keycloakRefs,
  'k8s.keycloak.org/KeycloakRealmImport': realmImportRefs,
};

/** `namespace/name`: how created secrets are keyed. */
export const secretId = (ns: string, name: string) => `${ns}/${name}`;

/**
 * Secrets something in the tree creates: the tree's own Secret objects, what the operators generate for
 * CNPG clusters (`<cluster>-app`, `-superuser`, `-ca`, `-server`, `-replication`) and Keycloak
 * (`<name>-initial-admin`), what cert-manager issues (Certificates, annotated Ingress TLS, ACME keys) and what
 * External Secrets Operator writes (ExternalSecret targets).
 */
export function createdSecrets(objects: readonly { manifest: PlainManifest }[]): Set<string> {
  // The Keycloak operator's admin Secret: the platform always runs that Keycloak, even when the objects
  // looked at (one app's slice) do not include it.
  const out = new Set<string>([secretId(PLATFORM_NAMESPACES.keycloak, `${KEYCLOAK_INSTANCE}-initial-admin`)]);
  for (const { manifest: m } of objects) {
    const ns = m.metadata.namespace ?? '';
    const spec = obj(m.spec);
    const add = (name: unknown, namespace = ns) => {
      if (typeof name === 'string') out.add(secretId(namespace, name));
    };
    if (m.kind === 'Secret') add(m.metadata.name);
    // External Secrets Operator writes each ExternalSecret's target from its store (the OCI Vault).
    if (groupKind(m) === 'external-secrets.io/ExternalSecret')
      add(str(obj(spec?.target)?.name) ?? m.metadata.name);
    for (const owned of operatorOwned(m)) if (owned.kind === 'Secret') add(owned.name);
    if (groupKind(m) === 'cert-manager.io/Certificate') add(spec?.secretName);
    if (
      m.kind === 'Ingress' &&
      Object.keys(m.metadata.annotations ?? {}).some((a) => a.startsWith('cert-manager.io/'))
    )
      for (const tls of arr(spec?.tls)) add(obj(tls)?.secretName);
    if (m.kind === 'ClusterIssuer' || m.kind === 'Issuer')
      add(obj(obj(spec?.acme)?.privateKeySecretRef)?.name, m.kind === 'ClusterIssuer' ? 'cert-manager' : ns);
  }
  return out;
}

/**
 * Every Secret an object reads: its pods' env, envFrom, volumes and pull secrets, what operators read for
 * its custom resource, and (for an Application) the credential of a private repository it reads.
 */
export function secretReferences(m: PlainManifest, privateRepos: ReadonlySet<string>): SecretReference[] {
  const ns = m.metadata.namespace ?? '';
  const refs = [...podRefs(m, ns), ...(READERS[groupKind(m)]?.(m, ns) ?? [])];
  if (m.kind === 'Application') refs.push(...repositoryRefs(m, privateRepos));
  return refs;
}
