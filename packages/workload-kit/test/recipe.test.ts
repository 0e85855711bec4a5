import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSlice } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { WorkloadInput } from '../src/definition/schema.js';
import { entriesOf, render } from './render.js';

const fixture = (name: string) =>
  parse(readFileSync(join(import.meta.dirname, 'fixtures/valid', `${name}.yaml`), 'utf8')) as WorkloadInput;
// biome-ignore lint/suspicious/noExplicitAny: rendered YAML is untyped data
const doc = (files: Map<string, string>, path: string): any =>
  parse(files.get(path)!.split('\n').slice(1).join('\n'));

/** Kubernetes label-selector semantics (matchLabels AND matchExpressions), as NetworkPolicies apply them. */
function matches(
  selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  },
  labels: Record<string, string>,
): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every((e) => {
    const value = labels[e.key];
    if (e.operator === 'In') return value !== undefined && (e.values ?? []).includes(value);
    if (e.operator === 'NotIn') return value === undefined || !(e.values ?? []).includes(value);
    if (e.operator === 'Exists') return value !== undefined;
    if (e.operator === 'DoesNotExist') return value === undefined;
    throw new Error(`unknown operator ${e.operator}`);
  });
  return byLabel && byExpression;
}

describe('minimal definition', () => {
  const files = render(fixture('minimal'));

  it('renders the whole recipe into apps/<app>.yaml and workloads/<app>/', () => {
    expect([...files.keys()]).toEqual([
      'apps/demo.yaml',
      'workloads/demo/README.md',
      'workloads/demo/analysistemplate-demo-success-rate.yaml',
      'workloads/demo/certificate-demo-tls.yaml',
      'workloads/demo/configmap-demo-dashboard.yaml',
      'workloads/demo/database/cluster-demo-pg.yaml',
      'workloads/demo/database/namespace-demo.yaml',
      'workloads/demo/database/objectstore-demo-pg-store.yaml',
      'workloads/demo/database/scheduledbackup-demo-pg-nightly.yaml',
      'workloads/demo/ingressroute-demo.yaml',
      'workloads/demo/job-demo-migrate-sha-1a2b3c4.yaml',
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
      'workloads/demo/service-demo-canary.yaml',
      'workloads/demo/service-demo-stable.yaml',
      'workloads/demo/service-demo.yaml',
      'workloads/demo/servicemonitor-demo.yaml',
      'workloads/demo/traefikservice-demo.yaml',
    ]);
  });

  it('holds together across its own objects', () => {
    expect(checkSlice(entriesOf(files))).toEqual([]);
  });

  it('denies all traffic by default and lets only its clients reach the database', () => {
    const pg = doc(files, 'workloads/demo/networkpolicy-demo-pg.yaml');
    expect(pg.spec.podSelector).toEqual({
      matchExpressions: [{ key: 'cnpg.io/cluster', operator: 'In', values: ['demo-pg', 'demo-pg-restore'] }],
    });
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

  it('admits the pods of a point-in-time restore (`ultron restore`) exactly like the database', () => {
    const policies = [...files.keys()]
      .filter((p) => p.startsWith('workloads/demo/networkpolicy-'))
      .map((p) => doc(files, p));
    const selected = (labels: Record<string, string>) =>
      policies.filter((p) => matches(p.spec.podSelector, labels)).map((p) => p.metadata.name);
    // The instances and CNPG's recovery Job pods of both clusters carry cnpg.io/cluster: <cluster>.
    const restore = selected({ 'cnpg.io/cluster': 'demo-pg-restore', 'cnpg.io/jobRole': 'full-recovery' });
    expect(restore).toEqual(selected({ 'cnpg.io/cluster': 'demo-pg' }));
    expect(restore).toContain('demo-pg');
    // …and the app's clients may reach it once repointed.
    const clients = doc(files, 'workloads/demo/networkpolicy-demo-pg-clients.yaml');
    expect(matches(clients.spec.egress[0].to[0].podSelector, { 'cnpg.io/cluster': 'demo-pg-restore' })).toBe(
      true,
    );
    expect(selected({ 'cnpg.io/cluster': 'other-pg' })).toEqual(['allow-dns', 'default-deny']);
  });

  it('alerts on errors, an aborted rollout, targets and database down, stale, missing or failed backups, failing WAL archiving', () => {
    const rule = doc(files, 'workloads/demo/prometheusrule-demo.yaml');
    expect(rule.metadata.labels.release).toBe('kube-prom-stack');
    const alerts = rule.spec.groups[0].rules;
    expect(alerts.map((a: { alert: string }) => a.alert)).toEqual([
      'AppHighErrorRatio',
      'AppRolloutAborted',
      'AppTargetDown',
      'AppDatabaseDown',
      'AppBackupStale',
      'AppBackupMissing',
      'AppBackupFailed',
      'AppWalArchivingFailing',
    ]);
    // The database backs up through the plugin, so the backup alerts read the plugin's own metrics.
    expect(alerts[4].expr).toContain('barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{');
    expect(alerts[4].expr).not.toContain('cnpg_collector_last');
    // The error budget is the canary's own (1 - 0.95), with the canary's traffic floor.
    expect(alerts[0].expr).toMatch(/\) > 0\.05\nand\n.*>= 0\.1$/);
    for (const a of alerts) expect(a.annotations.runbook).toMatch(/\S/);
  });

  it('gates the canary on its own pods, pausing for a person when there is too little traffic', () => {
    const template = doc(files, 'workloads/demo/analysistemplate-demo-success-rate.yaml');
    expect(template.spec.args).toEqual([{ name: 'canary-hash' }]);
    const metric = template.spec.metrics[0];
    expect(metric).toMatchObject({
      name: 'success-rate',
      interval: '30s',
      failureLimit: 2,
      successCondition: 'len(result) > 0 && result[0] >= 0.95',
      failureCondition: 'len(result) > 0 && result[0] < 0.95',
    });
    expect(metric.provider.prometheus.query).toContain('rollouts_pod_template_hash="{{args.canary-hash}}"');
    expect(metric.provider.prometheus.query).toContain('code!~"5.."');
    expect(metric.provider.prometheus.query).not.toContain('status');
  });

  it('probes readiness on /readyz and has no liveness probe unless the app declares one', () => {
    const container = doc(files, 'workloads/demo/rollout-demo.yaml').spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.livenessProbe).toBeUndefined();
    expect(container.startupProbe).toBeUndefined();
  });

  it('migrates once per image: a plain Job named after the tag, one wave before the Rollout', () => {
    const job = doc(files, 'workloads/demo/job-demo-migrate-sha-1a2b3c4.yaml');
    expect(job.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-1' });
  });

  it('ships a dashboard the Grafana sidecar picks up, with request rate, errors and latency', () => {
    const cm = doc(files, 'workloads/demo/configmap-demo-dashboard.yaml');
    expect(cm.metadata.labels.grafana_dashboard).toBe('1');
    const dashboard = JSON.parse(cm.data['demo.json']);
    expect(dashboard.panels.map((p: { title: string }) => p.title)).toEqual([
      'Requests per second (by version)',
      'Error ratio (5xx, by version)',
      'Latency',
    ]);
  });
});

describe('an app with its own metrics contract', () => {
  const files = render(fixture('own-metrics-contract'));
  const query = doc(files, 'workloads/legacy/analysistemplate-legacy-success-rate.yaml').spec.metrics[0];

  it('writes every query from the contract: counter, status label, excluded routes', () => {
    const rule = doc(files, 'workloads/legacy/prometheusrule-legacy.yaml');
    const dashboard = JSON.parse(
      doc(files, 'workloads/legacy/configmap-legacy-dashboard.yaml').data['legacy.json'],
    );
    const all = [
      query.provider.prometheus.query,
      ...rule.spec.groups[0].rules.map((r: { expr: string }) => r.expr),
      ...dashboard.panels.flatMap((p: { targets: { expr: string }[] }) => p.targets.map((t) => t.expr)),
    ].join('\n');
    expect(all).toContain('api_http_requests_total{');
    expect(all).toContain('status_code!~"5.."');
    expect(all).toContain('path!~"/healthz|/metrics"');
    expect(all).not.toMatch(/\bhttp_requests_total|\bcode[!=]|status[!=]/);
    // No histogram declared: no latency panel.
    expect(dashboard.panels.map((p: { title: string }) => p.title)).not.toContain('Latency');
  });

  it('promotes a quiet canary when the app opted in', () => {
    expect(query.successCondition).toBe('len(result) == 0 || result[0] >= 0.95');
    expect(query.failureCondition).toBe('len(result) > 0 && result[0] < 0.95');
    expect(query.provider.prometheus.query).toMatch(/>= 0\.5$/);
  });

  it('probes the paths it declared, and nothing else', () => {
    const c = doc(files, 'workloads/legacy/rollout-legacy.yaml').spec.template.spec.containers[0];
    expect([c.readinessProbe, c.livenessProbe, c.startupProbe].map((p) => p.httpGet.path)).toEqual([
      '/healthz',
      '/healthz',
      '/healthz',
    ]);
    expect(checkSlice(entriesOf(files))).toEqual([]);
  });
});

describe('replica-based canary the replicas can express', () => {
  it('renders a plain Ingress and no canary/stable Services', () => {
    const files = render(fixture('replica-canary-expressible'));
    expect(files.has('workloads/fleet/ingress-fleet.yaml')).toBe(true);
    expect(files.has('workloads/fleet/service-fleet-canary.yaml')).toBe(false);
    expect(checkSlice(entriesOf(files))).toEqual([]);
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
    expect(checkSlice(entriesOf(files))).toEqual([]);
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
        parameters: { barmanObjectName: 'shop-pg-store', serverName: 'shop-pg' },
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
    expect(checkSlice(entriesOf(files))).toEqual([]);
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
    const { renderSlice } = await import('@ultron/platform');
    const { defineWorkload } = await import('../src/workload.js');
    const { clusterWith } = await import('./cluster.js');
    const other = clusterWith({
      storageClass: 'longhorn',
      // The in-tree method too: switching back is a definition change.
      backups: { schedule: '0 15 1 * * *', retention: '7d', method: 'barmanObjectStore' },
    });
    const files = renderSlice(defineWorkload(other, fixture('minimal')), 'workloads/demo').files;
    const pg = doc(files, 'workloads/demo/database/cluster-demo-pg.yaml');
    expect(pg.spec.storage.storageClass).toBe('longhorn');
    expect(pg.spec.backup.retentionPolicy).toBe('7d');
    expect(pg.spec.plugins).toBeUndefined();
    const rule = doc(files, 'workloads/demo/prometheusrule-demo.yaml');
    const stale = rule.spec.groups[0].rules.find((r: { alert: string }) => r.alert === 'AppBackupStale');
    expect(stale.expr).toContain('cnpg_collector_last_available_backup_timestamp{');
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

describe('private images', () => {
  it('pull with the workload’s Secret, else the cluster’s, never when set to false', async () => {
    const { renderSlice } = await import('@ultron/platform');
    const { defineWorkload } = await import('../src/workload.js');
    const { clusterWith } = await import('./cluster.js');
    const oci = {
      backend: 'oci-vault',
      vault: 'ocid1.vault.oc1.eu-frankfurt-1.aaaa.bbbb',
      key: 'ocid1.key.oc1.eu-frankfurt-1.aaaa.cccc',
      compartment: 'ocid1.compartment.oc1..dddd',
    } as const;
    const withDefault = clusterWith({
      imagePullSecret: 'ghcr-pull',
      secrets: oci,
    });
    const pulls = (input: object, c = withDefault) => {
      const files = renderSlice(
        defineWorkload(c, { ...fixture('minimal'), ...input }),
        'workloads/demo',
      ).files;
      return {
        rollout: doc(files, 'workloads/demo/rollout-demo.yaml').spec.template.spec.imagePullSecrets,
        job: doc(files, 'workloads/demo/job-demo-migrate-sha-1a2b3c4.yaml').spec.template.spec
          .imagePullSecrets,
        externalSecret: files.has('workloads/demo/database/externalsecret-ghcr-pull.yaml')
          ? doc(files, 'workloads/demo/database/externalsecret-ghcr-pull.yaml')
          : undefined,
      };
    };
    const inherited = pulls({});
    expect(inherited.rollout).toEqual([{ name: 'ghcr-pull' }]);
    expect(inherited.job).toEqual([{ name: 'ghcr-pull' }]);
    expect(inherited.externalSecret.spec.target.template.type).toBe('kubernetes.io/dockerconfigjson');
    expect(pulls({ imagePullSecret: 'quay-pull' }).rollout).toEqual([{ name: 'quay-pull' }]);
    const none = pulls({ imagePullSecret: false });
    expect(none.rollout).toBeUndefined();
    expect(none.externalSecret).toBeUndefined();
    // The manual backend: the pod still names it; `ultron secrets` tells a human to create it.
    const manual = pulls({}, clusterWith({ imagePullSecret: 'ghcr-pull' }));
    expect(manual.rollout).toEqual([{ name: 'ghcr-pull' }]);
    expect(manual.externalSecret).toBeUndefined();
  });
});
