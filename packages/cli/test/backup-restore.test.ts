import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlainManifest } from '@ultron/platform';
import { CrdRegistry, loadTree, resolveCrds } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { copyRepo, REAL_ROOT, read, run, tempDir, ultron, write } from './helpers.ts';

const location = await resolveCrds();
const registry = 'dir' in location ? CrdRegistry.fromDirectory(location.dir) : null;

/** The pinned CNPG CRD's verdict on a printed object (when the CRDs are at hand). */
function expectConformant(manifest: PlainManifest): void {
  if (!registry) return;
  const verdict = registry.validate(manifest);
  expect(verdict.status === 'invalid' ? verdict.problems : []).toEqual([]);
  expect(verdict.status).toBe('valid');
}

const single = (yaml: string) => {
  const docs = parseAllDocuments(yaml);
  expect(docs).toHaveLength(1);
  return docs[0]!.toJS() as PlainManifest & { spec: Record<string, never> };
};

describe('ultron backup', () => {
  it('prints the on-demand Backup on stdout and the next steps on stderr', async () => {
    const root = copyRepo();
    const result = await ultron(root, ['backup', 'penvoice', '--timestamp', '1764150000']);
    expect(result.code).toBe(0);
    const backup = single(result.stdout);
    expect(backup).toMatchObject({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Backup',
      metadata: { name: 'penvoice-pg-manual-1764150000', namespace: 'penvoice' },
      // The method its nightly backups use: the Barman Cloud plugin, the platform's default.
      spec: {
        cluster: { name: 'penvoice-pg' },
        method: 'plugin',
        pluginConfiguration: { name: 'barman-cloud.cloudnative-pg.io' },
      },
    });
    expectConformant(backup);
    expect(result.stderr).toContain('kubectl -n penvoice get backup penvoice-pg-manual-1764150000 -w');
    // The time is the one input that varies: the same flag gives the same bytes.
    expect((await ultron(root, ['backup', 'penvoice', '--timestamp', '1764150000'])).stdout).toBe(
      result.stdout,
    );
  });

  it('names the backup after the current time without --timestamp', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await ultron(copyRepo(), ['backup', 'penvoice', '--json']);
    const name = JSON.parse(result.stdout).object.metadata.name as string;
    const time = Number(/^penvoice-pg-manual-(\d+)$/.exec(name)![1]);
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('writes the manifest with --out and prints the steps', async () => {
    const root = copyRepo();
    const out = join(tempDir('backup-'), 'backup.yaml');
    const result = await ultron(root, ['backup', 'penvoice', '--timestamp', '1764150000', '--out', out]);
    expect(result.code).toBe(0);
    expect(single(readFileSync(out, 'utf8')).metadata.name).toBe('penvoice-pg-manual-1764150000');
    expect(result.stdout).toContain(`1. kubectl apply -f ${out}`);
  });

  it.each([
    ['backup', 'penvoice', '--timestamp', '1764150000'],
    ['restore', 'penvoice', '--to', '2026-11-26T09:30:00Z'],
  ])('%s --out never overwrites a file or writes into gitops/ without --force', async (...args) => {
    const root = copyRepo();
    const out = join(tempDir('out-'), 'existing.yaml');
    writeFileSync(out, 'precious\n');
    const clobber = await ultron(root, [...args, '--out', out]);
    expect(clobber.code).toBe(2);
    expect(clobber.stderr).toContain('already exists; nothing was written');
    expect(readFileSync(out, 'utf8')).toBe('precious\n');

    const intoTree = await ultron(root, [...args, '--out', 'gitops/workloads/penvoice/one-off.yaml']);
    expect(intoTree.code).toBe(2);
    expect(intoTree.stderr).toContain('which the build renders and prunes');
    expect(existsSync(join(root, 'gitops/workloads/penvoice/one-off.yaml'))).toBe(false);

    const forced = await ultron(root, [...args, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe('precious\n');
  });

  it.each([
    [['backup', 'nope'], 2, 'no app "nope"'],
    [['backup', 'statuspage'], 2, 'statuspage has no database'],
    [['backup', 'penvoice', '--timestamp', 'yesterday'], 2, 'is not a Unix time in seconds'],
  ])('refuses %j', async (args, code, message) => {
    const result = await ultron(copyRepo(), args);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });
});

describe('ultron restore', () => {
  it('renders a NEW cluster recovered from the object store to the target time', async () => {
    const root = copyRepo();
    const source = loadTree(join(root, 'gitops')).find(
      (o) => o.manifest.kind === 'Cluster' && o.manifest.metadata.name === 'penvoice-pg',
    )!.manifest as PlainManifest & { spec: Record<string, Record<string, unknown>> };
    const result = await ultron(root, ['restore', 'penvoice', '--to', '2026-11-26T09:30:00Z']);
    expect(result.code).toBe(0);
    const cluster = single(result.stdout) as PlainManifest & {
      spec: Record<string, Record<string, unknown>>;
    };
    expect(cluster.metadata).toMatchObject({ name: 'penvoice-pg-restore', namespace: 'penvoice' });
    expect(cluster.spec.bootstrap).toEqual({
      recovery: {
        source: 'penvoice-pg',
        database: 'penvoice',
        owner: 'penvoice',
        recoveryTarget: { targetTime: '2026-11-26T09:30:00Z' },
      },
    });
    // Reads the folder the source archives to, through the same ObjectStore.
    expect(cluster.spec.externalClusters).toEqual([
      {
        name: 'penvoice-pg',
        plugin: {
          name: 'barman-cloud.cloudnative-pg.io',
          parameters: { barmanObjectName: 'penvoice-pg-store', serverName: 'penvoice-pg' },
        },
      },
    ]);
    // Sized like the original; never archiving into the store it recovers from.
    expect(cluster.spec.storage).toEqual(source.spec.storage);
    expect(cluster.spec.resources).toEqual(source.spec.resources);
    expect(cluster.spec.backup).toBeUndefined();
    expect(cluster.spec.plugins).toBeUndefined();
    expectConformant(cluster);

    expect(result.stderr).toContain(
      'kubectl -n penvoice wait cluster/penvoice-pg-restore --for=condition=Ready',
    );
    expect(result.stderr).toMatch(/repoint penvoice: .*penvoice-pg-restore-app/);
    // Never in place: the rendered tree is untouched.
    expect(
      existsSync(join(root, 'gitops/workloads/penvoice/database/cluster-penvoice-pg-restore.yaml')),
    ).toBe(false);
  });

  it.each([
    [['restore', 'penvoice', '--to', 'yesterday'], 'is not an RFC 3339 time with a zone'],
    [['restore', 'penvoice', '--to', '2026-11-26T09:30:00'], 'is not an RFC 3339 time with a zone'],
    [['restore', 'penvoice'], "required option '--to <time>' not specified"],
    [['restore', 'statuspage', '--to', '2026-11-26T09:30:00Z'], 'statuspage has no database'],
  ])('refuses %j with exit 2', async (args, message) => {
    const result = await ultron(copyRepo(), args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('prints JSON with the object and the steps', async () => {
    const result = await ultron(copyRepo(), [
      'restore',
      'penvoice',
      '--to',
      '2026-11-26T09:30:00+01:00',
      '--json',
    ]);
    const out = parse(result.stdout);
    expect(out.object.spec.bootstrap.recovery.recoveryTarget.targetTime).toBe('2026-11-26T09:30:00+01:00');
    expect(out.steps).toHaveLength(5);
  });

  it('recovers through the in-tree object store when the app still backs up with it', async () => {
    const root = copyRepo();
    const source = 'workloads/penvoice/workload.ts';
    write(
      root,
      source,
      read(root, source).replace(
        /\n\}\);\n$/,
        "\n  database: { backup: { method: 'barmanObjectStore' } },\n});\n",
      ),
    );
    const rendered = await run(
      process.execPath,
      [join(REAL_ROOT, 'packages/platform/bin/ultron-render.js'), 'workload.ts'],
      join(root, 'workloads/penvoice'),
    );
    expect(rendered.code).toBe(0);
    // The render stages the slice; the assemble step checks the whole tree and writes it.
    expect((await ultron(root, ['assemble'])).code).toBe(0);
    const pg = loadTree(join(root, 'gitops')).find(
      (o) => o.manifest.kind === 'Cluster' && o.manifest.metadata.name === 'penvoice-pg',
    )!.manifest as PlainManifest & { spec: Record<string, Record<string, unknown>> };

    const cluster = single(
      (await ultron(root, ['restore', 'penvoice', '--to', '2026-11-26T09:30:00Z'])).stdout,
    );
    expect(cluster.spec.externalClusters).toEqual([
      {
        name: 'penvoice-pg',
        barmanObjectStore: { ...(pg.spec.backup!.barmanObjectStore as object), serverName: 'penvoice-pg' },
      },
    ]);
    expect(cluster.spec.env).toEqual(pg.spec.env);
    expectConformant(cluster);
    const backup = single((await ultron(root, ['backup', 'penvoice', '--timestamp', '1764150000'])).stdout);
    expect(backup.spec).toEqual({ cluster: { name: 'penvoice-pg' }, method: 'barmanObjectStore' });
    expectConformant(backup);
  });
});
