import { KEYCLOAK_INSTANCE, PLATFORM_NAMESPACES, REPO_CREDENTIAL, ROOT_APP } from '../conventions/names.js';
import { describe, type PlainManifest } from '../render/manifest.js';
import { parseImageRef } from '../workloads/image-ref.js';
import { containersOf, podTemplates } from '../workloads/pod-specs.js';
import { arr, type Json, obj, str } from './json.js';
import { byCodePoint } from './order.js';

/** An object of the rendered tree (or of one slice), as plain data. */
export interface TreeObject {
  manifest: PlainManifest;
}

/** How a Secret is created: most from an env file; image pull secrets need the registry format. */
export type SecretType = 'generic' | 'docker-registry';

/** A role a key plays, where the tree tells us (lets the runbook say what value goes where). */
export type KeyRole = 'accessKeyId' | 'secretAccessKey';

/** One Secret the tree needs but does not create: someone must create it out of band. */
export interface SecretNeed {
  namespace: string;
  name: string;
  type: SecretType;
  /** Keys the tree reads, sorted; empty when a consumer takes every key (envFrom). */
  keys: string[];
  roles: Record<string, KeyRole>;
  /** Who reads it and why, one line each. */
  purposes: string[];
  /** Every reader marked it optional. */
  optional: boolean;
  /** Keys whose value the tree already knows (not secret, e.g. a repository URL): prefilled in the runbook. */
  known: Record<string, string>;
  /** Labels the consumer finds it by (Argo CD's repository secrets). */
  labels: Record<string, string>;
}

interface Ref {
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

function podRefs(m: PlainManifest, ns: string): Ref[] {
  const refs: Ref[] = [];
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
function s3Refs(m: PlainManifest, ns: string, store: Json | undefined, what: string): Ref[] {
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

function cnpgRefs(m: PlainManifest, ns: string): Ref[] {
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

function objectStoreRefs(m: PlainManifest, ns: string): Ref[] {
  return s3Refs(m, ns, obj(obj(m.spec)?.configuration), 'Barman Cloud plugin backups');
}

function keycloakRefs(m: PlainManifest, ns: string): Ref[] {
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
function realmImportRefs(m: PlainManifest, ns: string): Ref[] {
  return Object.entries(obj(obj(m.spec)?.placeholders) ?? {}).flatMap(([placeholder, value]) => {
    const sel = obj(obj(value)?.secret);
    const name = str(sel?.name);
    return name
      ? [{ namespace: ns, name, key: str(sel?.key), purpose: `placeholder ${placeholder} of ${describe(m)}` }]
      : [];
  });
}

/** The gitops repository: what the root Application reads. It is private; upstream sources are not. */
function privateRepos(objects: readonly TreeObject[]): Set<string> {
  const root = objects.find(
    (o) => o.manifest.kind === 'Application' && o.manifest.metadata.name === ROOT_APP,
  );
  return new Set(root ? applicationSources(root.manifest).map((s) => str(s.repoURL) ?? '') : []);
}

function applicationSources(m: PlainManifest): Json[] {
  const spec = obj(m.spec);
  return [obj(spec?.source), ...arr(spec?.sources).map(obj)].filter((s): s is Json => Boolean(s));
}

/**
 * Argo CD needs a credential for the private gitops repository every Application of this tree reads. The
 * bootstrap names it; the runbook prefills its non-secret fields.
 */
function repositoryRefs(m: PlainManifest, repos: ReadonlySet<string>): Ref[] {
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

const READERS: Record<string, (m: PlainManifest, ns: string) => Ref[]> = {
  'postgresql.cnpg.io/Cluster': cnpgRefs,
  'barmancloud.cnpg.io/ObjectStore': objectStoreRefs,
  'k8s.keycloak.org/Keycloak': keycloakRefs,
  'k8s.keycloak.org/KeycloakRealmImport': realmImportRefs,
};

const groupKind = (m: PlainManifest) => `${m.apiVersion.split('/')[0]}/${m.kind}`;
const id = (ns: string, name: string) => `${ns}/${name}`;

/**
 * Secrets something in the tree creates: the tree's own Secret objects, what the operators generate for
 * CNPG clusters (`<cluster>-app`, `-superuser`, `-ca`, `-server`, `-replication`) and Keycloak
 * (`<name>-initial-admin`), what cert-manager issues (Certificates, annotated Ingress TLS, ACME keys) and what
 * External Secrets Operator writes (ExternalSecret targets).
 */
function generated(objects: readonly TreeObject[]): Set<string> {
  // The Keycloak operator's admin Secret: the platform always runs that Keycloak, even when the objects
  // looked at (one app's slice) do not include it.
  const out = new Set<string>([id(PLATFORM_NAMESPACES.keycloak, `${KEYCLOAK_INSTANCE}-initial-admin`)]);
  for (const { manifest: m } of objects) {
    const ns = m.metadata.namespace ?? '';
    const spec = obj(m.spec);
    const add = (name: unknown, namespace = ns) => {
      if (typeof name === 'string') out.add(id(namespace, name));
    };
    if (m.kind === 'Secret') add(m.metadata.name);
    // External Secrets Operator writes each ExternalSecret's target from its store (the OCI Vault).
    if (groupKind(m) === 'external-secrets.io/ExternalSecret')
      add(str(obj(spec?.target)?.name) ?? m.metadata.name);
    if (groupKind(m) === 'postgresql.cnpg.io/Cluster')
      for (const suffix of ['app', 'superuser', 'ca', 'server', 'replication'])
        add(`${m.metadata.name}-${suffix}`);
    if (groupKind(m) === 'k8s.keycloak.org/Keycloak') add(`${m.metadata.name}-initial-admin`);
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
 * Every Secret the rendered tree reads but nothing in it creates, merged per namespace/name: the runbook of
 * what an operator must create by hand after a rebuild.
 */
export function outOfBandSecrets(
  objects: readonly TreeObject[],
  /** Objects rendered beside these (e.g. the rest of the app): what they create counts as created. */
  context: readonly TreeObject[] = [],
): SecretNeed[] {
  const made = generated([...objects, ...context]);
  const repos = privateRepos(objects);
  const needs = new Map<string, SecretNeed>();
  for (const { manifest: m } of objects) {
    const ns = m.metadata.namespace ?? '';
    const refs = [...podRefs(m, ns), ...(READERS[groupKind(m)]?.(m, ns) ?? [])];
    if (m.kind === 'Application') refs.push(...repositoryRefs(m, repos));
    for (const r of refs) {
      const key = id(r.namespace, r.name);
      if (made.has(key)) continue;
      const need = needs.get(key) ?? {
        namespace: r.namespace,
        name: r.name,
        type: r.type ?? 'generic',
        keys: [],
        roles: {},
        purposes: [],
        optional: true,
        known: {},
        labels: {},
      };
      if (r.key && !need.keys.includes(r.key)) need.keys.push(r.key);
      if (r.key && r.role) need.roles[r.key] = r.role;
      if (!need.purposes.includes(r.purpose)) need.purposes.push(r.purpose);
      need.optional &&= r.optional === true;
      Object.assign(need.known, r.known);
      Object.assign(need.labels, r.labels);
      needs.set(key, need);
    }
  }
  return [...needs.values()]
    .map((n) => ({ ...n, keys: n.keys.sort() }))
    .sort((a, b) => byCodePoint(a.namespace, b.namespace) || byCodePoint(a.name, b.name));
}
