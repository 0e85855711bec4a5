import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, run, tempDir, ultron } from './helpers.ts';

interface Need {
  namespace: string;
  name: string;
  type: string;
  keys: string[];
  roles: Record<string, string>;
  labels: Record<string, string>;
  purposes: string[];
  command: string;
}

const ACCESS_KEY = '0123456789abcdef0123456789abcdef01234567';
const SECRET_KEY = 'Zm9v+YmFy/YmF6=s3cr3t';

/**
 * A stand-in kubectl: records its arguments and answers `get secret <name> -n <ns>` from a folder of
 * JSON files, printing nothing for a secret that does not exist (`--ignore-not-found`).
 */
const STAND_IN = `#!/bin/sh
echo "$*" >> "$KUBECTL_LOG"
if [ -n "$KUBECTL_FAIL" ]; then echo "The connection to the server ultron:6443 was refused" >&2; exit 1; fi
name=""; ns=""; prev=""
for a in "$@"; do
  [ "$prev" = secret ] && name="$a"
  [ "$prev" = -n ] && ns="$a"
  prev="$a"
done
[ -f "$KUBECTL_FIXTURES/$ns/$name.json" ] && cat "$KUBECTL_FIXTURES/$ns/$name.json"
exit 0
`;

function value(need: Need, key: string): string {
  if (need.roles[key] === 'accessKeyId') return ACCESS_KEY;
  if (need.roles[key] === 'secretAccessKey') return SECRET_KEY;
  return `value-of-${key}`;
}

/** The live secrets a well-kept cluster has: one per need, every key, the right type and labels. */
function liveSecret(need: Need, data: Record<string, string> = {}): string {
  const values = Object.fromEntries(need.keys.map((k) => [k, value(need, k)]));
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    type: need.type === 'docker-registry' ? 'kubernetes.io/dockerconfigjson' : 'Opaque',
    metadata: { name: need.name, namespace: need.namespace, labels: need.labels },
    data: Object.fromEntries(
      Object.entries({ ...values, ...data }).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
  });
}

let root: string;
let oci: string;
let needs: Need[];

interface Runbook {
  backend: string;
  manual: Need[];
  vault: { vaultSecret: string; secrets: string[]; key?: string; command: string }[];
}

/** Every file under a folder, relative. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

beforeAll(async () => {
  // The repo renders with the OCI Vault backend; the manual backend renders the same tree without the
  // ExternalSecrets and the ClusterSecretStore.
  oci = copyRepo();
  root = copyRepo();
  for (const file of filesUnder(join(root, 'gitops')))
    if (/(^|\/)(externalsecret|clustersecretstore)-[^/]+\.yaml$/.test(file))
      rmSync(join(root, 'gitops', file));
  const result = await ultron(root, ['secrets', '--json']);
  expect(result.code).toBe(0);
  const runbook = JSON.parse(result.stdout) as Runbook;
  expect(runbook.backend).toBe('manual');
  needs = runbook.manual;
});

/** A PATH holding the stand-in kubectl, and the fixtures it answers from. */
function cluster(fixtures: Record<string, string>): { env: Record<string, string>; log: string } {
  const dir = tempDir('kubectl-');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'kubectl'), STAND_IN);
  chmodSync(join(bin, 'kubectl'), 0o755);
  for (const [path, json] of Object.entries(fixtures)) {
    mkdirSync(dirname(join(dir, 'secrets', path)), { recursive: true });
    writeFileSync(join(dir, 'secrets', path), json);
  }
  const log = join(dir, 'kubectl.log');
  writeFileSync(log, '');
  return {
    env: { PATH: `${bin}:/usr/bin:/bin`, KUBECTL_LOG: log, KUBECTL_FIXTURES: join(dir, 'secrets') },
    log,
  };
}

const all = () => Object.fromEntries(needs.map((n) => [`${n.namespace}/${n.name}.json`, liveSecret(n)]));
const find = (name: string) => needs.find((n) => n.name === name)!;

describe('ultron secrets (the runbook)', () => {
  it('lists the out-of-band secrets the tree references, never the operator-generated ones', () => {
    const names = needs.map((n) => `${n.namespace}/${n.name}`);
    expect(names).toContain('penvoice/penvoice-pg-backup-creds');
    expect(names).toContain('argocd/gitops-repo');
    expect(names.filter((n) => /-pg-app$|-initial-admin$|-tls$/.test(n))).toEqual([]);
    expect(names).toEqual([...names].sort());
    const backup = find('penvoice-pg-backup-creds');
    expect(backup.keys).toEqual(['ACCESS_KEY_ID', 'ACCESS_SECRET_KEY']);
    expect(backup.roles).toEqual({ ACCESS_KEY_ID: 'accessKeyId', ACCESS_SECRET_KEY: 'secretAccessKey' });
    expect(backup.purposes).toEqual([
      'Barman Cloud plugin backups of ObjectStore penvoice/penvoice-pg-store (S3-compatible Object Storage)',
    ]);
  });

  it('gives the command that creates each one from a temporary env file, then deletes it', async () => {
    const result = await ultron(root, ['secrets']);
    expect(result.code).toBe(0);
    const section = result.stdout
      .split('\n\n')
      .find((s) => s.startsWith('penvoice/penvoice-pg-backup-creds'))!;
    expect(section).toContain('keys  ACCESS_KEY_ID, ACCESS_SECRET_KEY');
    expect(section).toContain(
      'the access key is the plain hex string, the secret key is the one containing + / =',
    );
    expect(section).toContain('umask 077 && tmp=$(mktemp)');
    expect(section).toContain('ACCESS_KEY_ID=<ACCESS_KEY_ID>');
    expect(section).toContain(
      'kubectl -n penvoice create secret generic penvoice-pg-backup-creds --from-env-file="$tmp"',
    );
    expect(section.trimEnd().endsWith('rm -f "$tmp"')).toBe(true);
    // The repository credential: URL prefilled (not secret), token left to fill, labelled for Argo CD.
    const repo = find('gitops-repo');
    expect(repo.command).toMatch(/^url=https:\/\/github\.com\/.*$/m);
    expect(repo.command).toContain('password=<password>');
    expect(repo.command).toContain(
      'kubectl -n argocd label secret gitops-repo argocd.argoproj.io/secret-type=repository',
    );
  });
});

describe('ultron secrets: each block pastes into a shell as-is', () => {
  it('creates the Secret with every key and leaves no key file behind', async () => {
    const result = await ultron(root, ['secrets']);
    const section = result.stdout
      .split('\n\n')
      .find((s) => s.startsWith('penvoice/penvoice-pg-backup-creds'))!;
    // What a user pastes: the command lines of the block, placeholders filled in.
    const block = section
      .split('\n')
      .filter((l) => !/^(penvoice\/| {2}(keys|for|note) )/.test(l))
      .join('\n')
      .replaceAll('<ACCESS_KEY_ID>', ACCESS_KEY)
      .replaceAll('<ACCESS_SECRET_KEY>', SECRET_KEY);
    const dir = tempDir('paste-');
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    // kubectl stand-in: keeps a copy of the env file it was given, as the API server would keep the data.
    writeFileSync(
      join(bin, 'kubectl'),
      `#!/bin/sh\nfor a in "$@"; do case "$a" in --from-env-file=*) cp "\${a#--from-env-file=}" "${join(dir, 'created.env')}";; esac; done\necho "$*" >> "${join(dir, 'calls')}"\n`,
    );
    chmodSync(join(bin, 'kubectl'), 0o755);
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const shell = await run('/bin/sh', ['-e', '-c', block], dir, {
      PATH: `${bin}:/usr/bin:/bin`,
      TMPDIR: tmp,
    });
    expect(shell.code, shell.stderr).toBe(0);
    expect(readFileSync(join(dir, 'calls'), 'utf8')).toContain(
      'create secret generic penvoice-pg-backup-creds',
    );
    expect(readFileSync(join(dir, 'created.env'), 'utf8')).toBe(
      `ACCESS_KEY_ID=${ACCESS_KEY}\nACCESS_SECRET_KEY=${SECRET_KEY}\n`,
    );
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('ultron secrets --check (read-only against the live cluster)', () => {
  it('passes when every secret exists with its keys, asking kubectl only to read', async () => {
    const { env, log } = cluster(all());
    const result = await ultron(root, ['secrets', '--check', '--context', 'ultron'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`all ${needs.length} present`);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(needs.length);
    for (const call of calls)
      expect(call).toMatch(/^--context ultron get secret \S+ -n \S+ -o json --ignore-not-found$/);
    // Values are read to check their shape, never shown.
    for (const secret of [ACCESS_KEY, SECRET_KEY, 'value-of-']) expect(result.stdout).not.toContain(secret);
  });

  it('exits 1 naming what is missing, incomplete or swapped', async () => {
    const backup = find('penvoice-pg-backup-creds');
    const repo = find('gitops-repo');
    const fixtures = all();
    delete fixtures['penvoice/penvoice-pg-backup-creds.json'];
    fixtures['penvoice/penvoice-pg-backup-creds.json'] = liveSecret(backup, {
      ACCESS_KEY_ID: SECRET_KEY,
      ACCESS_SECRET_KEY: ACCESS_KEY,
    });
    fixtures['argocd/gitops-repo.json'] = liveSecret({ ...repo, labels: {} });
    const missing = needs.find((n) => n.name !== backup.name && n.name !== repo.name)!;
    delete fixtures[`${missing.namespace}/${missing.name}.json`];

    const { env } = cluster(fixtures);
    const result = await ultron(root, ['secrets', '--check', '--json'], env);
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as {
      ok: boolean;
      secrets: { name: string; namespace: string; status: string; detail?: string }[];
    };
    expect(out.ok).toBe(false);
    const status = (n: Need) => out.secrets.find((s) => s.name === n.name && s.namespace === n.namespace);
    expect(status(backup)).toMatchObject({
      status: 'suspicious',
      detail: 'ACCESS_KEY_ID is not plain hex: access and secret key look swapped',
    });
    expect(status(repo)).toMatchObject({
      status: 'incomplete',
      detail: 'missing label argocd.argoproj.io/secret-type=repository',
    });
    expect(status(missing)).toEqual({ namespace: missing.namespace, name: missing.name, status: 'missing' });
    expect(result.stdout).not.toContain(SECRET_KEY);
  });

  it('reports a key without a value', async () => {
    const backup = find('penvoice-pg-backup-creds');
    const fixtures = all();
    fixtures['penvoice/penvoice-pg-backup-creds.json'] = liveSecret({ ...backup, keys: ['ACCESS_KEY_ID'] });
    const result = await ultron(root, ['secrets', '--check'], cluster(fixtures).env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /✗ penvoice\/penvoice-pg-backup-creds\s+incomplete: no value for ACCESS_SECRET_KEY/,
    );
  });

  it.each([
    ['YAML instead of JSON', `apiVersion: v1\nkind: Secret\ndata:\n  ACCESS_SECRET_KEY: ${SECRET_KEY}\n`],
    ['truncated JSON', `{"data": {"ACCESS_SECRET_KEY": "${SECRET_KEY}"`],
    ['data that is not a map', JSON.stringify({ kind: 'Secret', data: SECRET_KEY })],
  ])('never echoes a value when kubectl prints %s', async (_, output) => {
    const fixtures = all();
    fixtures['penvoice/penvoice-pg-backup-creds.json'] = output;
    const result = await ultron(root, ['secrets', '--check'], cluster(fixtures).env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('kubectl get secret penvoice/penvoice-pg-backup-creds');
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(Buffer.from(SECRET_KEY).toString('base64'));
    }
  });

  it('exits 3 without kubectl, or when kubectl cannot reach the cluster', async () => {
    const none = await ultron(root, ['secrets', '--check'], { PATH: tempDir('empty-path-') });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('kubectl is not installed or not on PATH');

    const { env } = cluster({});
    const refused = await ultron(root, ['secrets', '--check'], { ...env, KUBECTL_FAIL: '1' });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      'kubectl get secret failed: The connection to the server ultron:6443 was refused',
    );
  });
});

describe('ultron secrets with the OCI Vault backend', () => {
  let runbook: Runbook;
  beforeAll(async () => {
    const result = await ultron(oci, ['secrets', '--json']);
    expect(result.code).toBe(0);
    runbook = JSON.parse(result.stdout) as Runbook;
  });

  it('leaves nothing to create by hand: an ExternalSecret covers every Secret the tree reads', () => {
    expect(runbook.backend).toBe('oci-vault');
    expect(runbook.manual).toEqual([]);
  });

  it('lists exactly the vault values behind the Secrets the manual backend asks for', () => {
    // Every key a human would type with the manual backend is one vault value, except the values the
    // tree already knows (the repository URL, type and user name) which the ExternalSecret templates.
    const expected = needs
      // A docker-registry Secret is templated from a user name and a token.
      .flatMap((n) =>
        (n.type === 'docker-registry' ? ['username', 'password'] : n.keys.length ? n.keys : ['']).map(
          (k) => ({
            n,
            k,
          }),
        ),
      )
      .filter(({ n, k }) => !['type', 'url', 'username'].includes(k) || n.name !== 'gitops-repo')
      .map(({ n, k }) => `${n.name}--${k}`.toLowerCase().replace(/--$/, ''));
    // Plus Alertmanager's credentials, which the Helm values (not a tree object) read.
    const alerting = ['alertmanager-receivers--ntfy-token', 'alertmanager-receivers--smtp-password'];
    // Minus the API client's secret, which ESO generates and pushes into the vault itself.
    const generated = 'penvoice-kc--kc_api_client_secret';
    expect(expected).toContain(generated);
    expect(runbook.vault.map((v) => v.vaultSecret)).toEqual(
      [...new Set([...expected, ...alerting])].filter((v) => v !== generated).sort(),
    );
    // The webhook token feeds Alertmanager and Argo CD notifications from one vault value.
    expect(runbook.vault.find((v) => v.vaultSecret === alerting[0])!.secrets).toEqual([
      'argocd/argocd-notifications-secret',
      'monitoring/alertmanager-receivers',
    ]);
    // One value (the registry token) feeds every namespace that pulls: here penvoice's.
    const pull = runbook.vault.find((v) => v.vaultSecret === 'ghcr-pull--password')!;
    expect(pull.secrets).toEqual(['penvoice/ghcr-pull']);
  });

  it('prints oci commands that keep values off the command line', async () => {
    const result = await ultron(oci, ['secrets']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Values to put into the OCI Vault');
    expect(result.stdout).not.toContain('Out-of-band secrets referenced by');
    const command = runbook.vault.find(
      (v) => v.vaultSecret === 'penvoice-pg-backup-creds--access_key_id',
    )!.command;
    expect(command).toContain('umask 077 && tmp=$(mktemp)');
    expect(command).toMatch(
      /^oci vault secret create-base64 --region eu-frankfurt-1 --compartment-id ocid1\.compartment\.\S+ --vault-id ocid1\.vault\.\S+ --key-id ocid1\.key\.\S+ --secret-name penvoice-pg-backup-creds--access_key_id --from-json "file:\/\/\$json"$/m,
    );
    expect(command.trimEnd().endsWith('rm -f "$tmp" "$json"')).toBe(true);
  });

  it('checks the same Secrets against the cluster as the manual backend does', async () => {
    const { env, log } = cluster(all());
    const result = await ultron(oci, ['secrets', '--check'], env);
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(needs.length);
  });
});
