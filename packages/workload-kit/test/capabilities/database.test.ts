import { describe, expect, it } from 'vitest';
import { database } from '../../src/capabilities/database/index.js';
import { renderWorkload, testCluster } from '../../src/testing/index.js';

const demo = { name: 'demo', domain: 'demo.dev', image: 'ghcr.io/acme/demo:sha-1a2b3c4' };

/** The rendered `<app>-pg` as `ultron backup`/`restore` find it, through the capability's BackupFacts. */
function committed(method: 'plugin' | 'barmanObjectStore') {
  const cluster = testCluster({ backups: { schedule: '0 0 3 * * *', retention: '30d', method } });
  const target = database.backup.target('demo');
  const found = renderWorkload(demo, { cluster }).get<{ spec: Record<string, unknown> }>(
    target.kind,
    target.name,
  );
  expect(found).toMatchObject({ apiVersion: target.apiVersion, metadata: { namespace: target.namespace } });
  return found.spec;
}

describe('database BackupFacts (what the CLI reads from the committed tree)', () => {
  it('reads the Barman Cloud plugin, and recovers through the same ObjectStore and folder', () => {
    const spec = committed('plugin');
    expect(database.backup.method(spec)).toBe('plugin');
    expect(database.backup.recoverySource('demo', spec, 'plugin')).toEqual({
      name: 'demo-pg',
      plugin: {
        name: 'barman-cloud.cloudnative-pg.io',
        parameters: { barmanObjectName: 'demo-pg-store', serverName: 'demo-pg' },
      },
    });
  });

  it('reads the in-tree object store, and recovers from its settings and credentials', () => {
    const spec = committed('barmanObjectStore');
    expect(database.backup.method(spec)).toBe('barmanObjectStore');
    const store = (spec.backup as { barmanObjectStore: { destinationPath: string; s3Credentials: unknown } })
      .barmanObjectStore;
    expect(database.backup.recoverySource('demo', spec, 'barmanObjectStore')).toEqual({
      name: 'demo-pg',
      barmanObjectStore: { ...store, serverName: 'demo-pg' },
    });
    expect(store.destinationPath).toMatch(/^s3:\/\//);
  });

  it('finds no backup method in a Cluster without one', () => {
    expect(database.backup.method({ instances: 1 })).toBeNull();
  });

  it('contributes DB_URL, the client label, its alerts, secrets, budget and backup target', () => {
    const { contributions } = renderWorkload(demo);
    expect(contributions.env[0]).toEqual({
      name: 'DB_URL',
      valueFrom: { secretKeyRef: { name: 'demo-pg-app', key: 'uri' } },
    });
    expect(contributions.podLabels).toEqual({ 'ultron.io/db-client': 'true' });
    expect(contributions.alerts.map((a) => a.alert)).toContain('AppBackupStale');
    expect(contributions.backups).toEqual([
      {
        object: { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', namespace: 'demo', name: 'demo-pg' },
        note: expect.stringMatching(/^base backup 0 0 3 \* \* \* \(six-field cron\), kept 30d/),
      },
    ]);
  });

  it('contributes nothing when the definition turns it off', () => {
    const { contributions, files } = renderWorkload({ ...demo, database: false, migrations: false });
    expect(contributions.backups).toEqual([]);
    expect(contributions.podLabels).toEqual({});
    expect([...files.keys()].some((f) => f.includes('/database/'))).toBe(false);
  });
});
