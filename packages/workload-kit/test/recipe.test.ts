import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTree, rules } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { WorkloadInput } from '../src/definition/schema.js';
import { entriesOf, render } from './render.js';

const fixture = (name: string) =>
  parse(readFileSync(join(import.meta.dirname, 'fixtures/valid', `${name}.yaml`), 'utf8')) as WorkloadInput;
// biome-ignore lint/suspicious/noExplicitAny: rendered YAML is untyped data
const doc = (files: Map<string, string>, path: string): any =>
  parse(files.get(path)!.split('\n').slice(1).join('\n'));

/** Rules that need the platform's own objects (operators, identity project) to be rendered alongside. */
const PLATFORM_DEPENDENT = new Set(['waves-ordered', 'projects-contain-apps', 'namespaces-exist']);
const appRules = rules.filter((r) => !PLATFORM_DEPENDENT.has(r.id));

describe('minimal definition', () => {
  const files = render(fixture('minimal'));

  it('renders the whole recipe into apps/<app>.yaml and workloads/<app>/', () => {
    expect([...files.keys()]).toEqual([
      'apps/demo.yaml',
      'workloads/demo/analysistemplate-demo-success-rate.yaml',
      'workloads/demo/certificate-demo-tls.yaml',
      'workloads/demo/configmap-demo-dashboard.yaml',
      'workloads/demo/database/cluster-demo-pg.yaml',
      'workloads/demo/database/namespace-demo.yaml',
      'workloads/demo/database/scheduledbackup-demo-pg-nightly.yaml',
      'workloads/demo/ingress-demo.yaml',
      'workloads/demo/job-demo-migrate.yaml',
      'workloads/demo/networkpolicy-allow-acme-http01.yaml',
      'workloads/demo/networkpolicy-allow-dns.yaml',
      'workloads/demo/networkpolicy-default-deny.yaml',
      'workloads/demo/networkpolicy-demo-egress-https.yaml',
      'workloads/demo/networkpolicy-demo-ingress.yaml',
      'workloads/demo/networkpolicy-demo-pg-clients.yaml',
      'workloads/demo/networkpolicy-demo-pg.yaml',
      'workloads/demo/podmonitor-demo-pg.yaml',
      'workloads/demo/prometheusrule-demo.yaml',
      'workloads/demo/rollout-demo.yaml',
      'workloads/demo/service-demo.yaml',
      'workloads/demo/servicemonitor-demo.yaml',
    ]);
  });

  it('holds together across its own objects', () => {
    expect(checkTree(entriesOf(files), appRules)).toEqual([]);
  });

  it('denies all traffic by default and lets only its clients reach the database', () => {
    const pg = doc(files, 'workloads/demo/networkpolicy-demo-pg.yaml');
    expect(pg.spec.podSelector.matchLabels).toEqual({ 'cnpg.io/cluster': 'demo-pg' });
    expect(pg.spec.ingress[0]).toEqual({
      from: [{ podSelector: { matchLabels: { 'ultron.io/db-client': 'true' } } }],
      ports: [{ protocol: 'TCP', port: 5432 }],
    });
    const rollout = doc(files, 'workloads/demo/rollout-demo.yaml');
    expect(rollout.spec.template.metadata.labels['ultron.io/db-client']).toBe('true');
    expect(doc(files, 'workloads/demo/networkpolicy-default-deny.yaml').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('alerts on errors above the canary threshold, an aborted rollout and a stale backup', () => {
    const rule = doc(files, 'workloads/demo/prometheusrule-demo.yaml');
    expect(rule.metadata.labels.release).toBe('kube-prom-stack');
    const alerts = rule.spec.groups[0].rules;
    expect(alerts.map((a: { alert: string }) => a.alert)).toEqual([
      'AppHighErrorRatio',
      'AppRolloutAborted',
      'AppBackupStale',
    ]);
    expect(alerts[0].expr).toMatch(/> 0\.05$/);
  });

  it('ships a dashboard the Grafana sidecar picks up, with request rate, errors and latency', () => {
    const cm = doc(files, 'workloads/demo/configmap-demo-dashboard.yaml');
    expect(cm.metadata.labels.grafana_dashboard).toBe('1');
    const dashboard = JSON.parse(cm.data['demo.json']);
    expect(dashboard.panels.map((p: { title: string }) => p.title)).toEqual([
      'Requests per second (by version)',
      'Error ratio (5xx)',
      'Latency',
    ]);
  });
});

describe('no database, no auth', () => {
  const files = render(fixture('no-database-no-auth'));

  it('renders no database, no migrations and no realm, and its one Application creates the namespace', () => {
    const paths = [...files.keys()];
    expect(paths.some((p) => p.includes('/database/') || p.includes('/realm/') || p.includes('job-'))).toBe(
      false,
    );
    expect(paths).toContain('workloads/static-api/namespace-static-api.yaml');
    const apps = files.get('apps/static-api.yaml')!;
    expect(apps).toContain('CreateNamespace=true');
    expect(apps).not.toContain('static-api-db');
    const rollout = doc(files, 'workloads/static-api/rollout-static-api.yaml');
    expect(rollout.spec.template.spec.containers[0].env).toEqual([]);
    expect(checkTree(entriesOf(files), appRules)).toEqual([]);
  });
});

describe('everything enabled', () => {
  const files = render(fixture('everything'));

  it('routes the canary by exact weight through a TraefikService it does not weight itself', () => {
    const rollout = doc(files, 'workloads/shop/rollout-shop.yaml');
    expect(rollout.spec.strategy.canary).toMatchObject({
      canaryService: 'shop-canary',
      stableService: 'shop-stable',
      trafficRouting: { traefik: { weightedTraefikServiceName: 'shop' } },
    });
    const ts = doc(files, 'workloads/shop/traefikservice-shop.yaml');
    expect(ts.spec.weighted.services).toEqual([
      { name: 'shop-stable', port: 80 },
      { name: 'shop-canary', port: 80 },
    ]);
    const apps = files.get('apps/shop.yaml')!;
    expect(apps).toContain('/spec/weighted/services');
    expect(apps).toContain('RespectIgnoreDifferences=true');
    expect(files.has('workloads/shop/ingress-shop.yaml')).toBe(false);
  });

  it('wires the Barman Cloud plugin instead of the in-tree object store', () => {
    const pg = doc(files, 'workloads/shop/database/cluster-shop-pg.yaml');
    expect(pg.spec.backup).toBeUndefined();
    expect(pg.spec.plugins).toEqual([
      {
        name: 'barman-cloud.cloudnative-pg.io',
        isWALArchiver: true,
        parameters: { barmanObjectName: 'shop-pg-store' },
      },
    ]);
    const store = doc(files, 'workloads/shop/database/objectstore-shop-pg-store.yaml');
    expect(store.spec.retentionPolicy).toBe('14d');
    expect(store.spec.instanceSidecarConfiguration.env.map((e: { name: string }) => e.name)).toContain(
      'AWS_DEFAULT_REGION',
    );
    const backup = doc(files, 'workloads/shop/database/scheduledbackup-shop-pg-nightly.yaml');
    expect(backup.spec).toMatchObject({
      method: 'plugin',
      pluginConfiguration: { name: 'barman-cloud.cloudnative-pg.io' },
    });
  });

  it('places the realm in the identity project, never in the app project', () => {
    const apps = files.get('apps/shop.yaml')!;
    expect(apps).toMatch(/name: shop-realm[\s\S]*project: identity/);
    const job = doc(files, 'workloads/shop/realm/job-shop-realm-sync.yaml');
    expect(job.metadata.namespace).toBe('keycloak');
    expect(job.metadata.annotations['argocd.argoproj.io/hook']).toBe('PostSync');
    expect(checkTree(entriesOf(files), appRules)).toEqual([]);
  });

  it('renders env from secrets and ConfigMaps by reference only', () => {
    const env = doc(files, 'workloads/shop/rollout-shop.yaml').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({
      name: 'STRIPE_KEY',
      valueFrom: { secretKeyRef: { name: 'shop-stripe', key: 'STRIPE_KEY' } },
    });
    expect(env).toContainEqual({
      name: 'FEATURE_FLAGS',
      valueFrom: { configMapKeyRef: { name: 'shop-flags', key: 'flags.json' } },
    });
    expect([...files.values()].some((t) => /^kind: Secret$/m.test(t))).toBe(false);
  });

  it('matches the snapshot (guards everything not asserted above)', () => {
    expect(Object.fromEntries(files)).toMatchSnapshot();
  });
});

describe('database defaults come from the cluster definition', () => {
  it('uses the cluster storage class and backup schedule/retention unless the app overrides them', async () => {
    const { defineCluster, renderSlice } = await import('@ultron/platform');
    const { defineWorkload } = await import('../src/workload.js');
    const { cluster } = await import('./cluster.js');
    const other = defineCluster({
      gitops: cluster.gitops,
      authDomain: cluster.authDomain,
      acme: cluster.acme,
      nodes: cluster.nodes,
      objectStorage: cluster.objectStorage,
      imageOwner: cluster.imageOwner,
      storageClass: 'longhorn',
      backups: { schedule: '0 15 1 * * *', retention: '7d' },
    });
    const files = renderSlice(defineWorkload(other, fixture('minimal')), 'workloads/demo').files;
    const pg = doc(files, 'workloads/demo/database/cluster-demo-pg.yaml');
    expect(pg.spec.storage.storageClass).toBe('longhorn');
    expect(pg.spec.backup.retentionPolicy).toBe('7d');
    expect(doc(files, 'workloads/demo/database/scheduledbackup-demo-pg-nightly.yaml').spec.schedule).toBe(
      '0 15 1 * * *',
    );
    const own = renderSlice(
      defineWorkload(other, {
        ...fixture('minimal'),
        database: { storageClass: 'local-path', backup: { retention: '60d' } },
      }),
      'workloads/demo',
    ).files;
    expect(doc(own, 'workloads/demo/database/cluster-demo-pg.yaml').spec.storage.storageClass).toBe(
      'local-path',
    );
    expect(doc(own, 'workloads/demo/database/cluster-demo-pg.yaml').spec.backup.retentionPolicy).toBe('60d');
  });
});
