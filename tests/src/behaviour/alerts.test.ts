import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { itWith, runEngine } from '../engines/tools.js';
import { gauge, HASH, type PodTraffic, podTarget, requestSeries, type Series } from './series.js';
import { renderedWorkloads, tree } from './workloads.js';

/**
 * Every alert of every app's rendered PrometheusRule, run by `promtool test rules` over series
 * labelled as Prometheus stores them. Each case says when an alert must fire and when it must not;
 * the expected labels and annotations are the rule's own, so a rule that cannot fire fails here.
 */
interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

interface Case {
  name: string;
  alert: string;
  interval: string;
  series: Series[];
  evalTime: string;
  /** Labels the alert's series carry besides the rule's own (empty for aggregations). */
  fires: Record<string, string>[];
}

const workloads = await renderedWorkloads();

describe.each(workloads.map((r) => [r.w.name, r] as const))('alerts of %s', (_, { w, one, objects }) => {
  const rule = one('PrometheusRule') as { spec: { groups: { name: string; rules: Rule[] }[] } };
  const rules = rule.spec.groups.flatMap((g) => g.rules);
  const byName = new Map(rules.map((r) => [r.alert, r]));
  const ns = w.name;

  itWith('promtool')('the rule file passes promtool check rules', () => {
    const run = runEngine('promtool', () => ['check', 'rules', 'rules.yaml'], {
      'rules.yaml': stringify({ groups: rule.spec.groups }),
    });
    expect(run.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(run.status, run.output).toBe(0);
  });

  const traffic = (pods: PodTraffic[], scrapes = 120) => requestSeries(w, pods, scrapes);
  const errorCases: Case[] = [
    {
      name: 'every pod answers 20 % 5xx for 10 minutes',
      alert: 'AppHighErrorRatio',
      interval: '15s',
      series: traffic([
        { version: 'stable', ok: 16, errors: 4 },
        { version: 'stable', ok: 16, errors: 4 },
      ]),
      evalTime: '15m',
      fires: [{}],
    },
    {
      name: '20 % 5xx, but not yet for the rule\'s "for"',
      alert: 'AppHighErrorRatio',
      interval: '15s',
      series: traffic([{ version: 'stable', ok: 16, errors: 4 }]),
      evalTime: '4m',
      fires: [],
    },
    {
      name: '1 % 5xx',
      alert: 'AppHighErrorRatio',
      interval: '15s',
      series: traffic([
        { version: 'stable', ok: 99, errors: 1 },
        { version: 'canary', ok: 99, errors: 1 },
      ]),
      evalTime: '15m',
      fires: [],
    },
    {
      name: 'all errors, but below the traffic floor',
      alert: 'AppHighErrorRatio',
      interval: '15s',
      series: traffic([{ version: 'stable', ok: 0, errors: (w.canary.minRequestRate * 15) / 2 }]),
      evalTime: '15m',
      fires: [],
    },
  ];

  // The Rollouts controller is scraped in argocd without honorLabels: the rollout's namespace is stored
  // as exported_namespace, and namespace is the controller's.
  const controller = {
    namespace: 'argocd',
    service: 'argo-rollouts-metrics',
    job: 'argo-rollouts-metrics',
    endpoint: 'metrics',
    pod: 'argo-rollouts-6f7d8c9b5-x2x4z',
    instance: '10.42.0.5:8090',
    container: 'argo-rollouts',
  };
  const rolloutInfo = (phase: string) =>
    gauge(
      'rollout_info',
      { ...controller, exported_namespace: ns, name: w.name, phase, strategy: 'canary' },
      '1x40',
    );
  const rolloutCases: Case[] = [
    {
      name: 'the canary was aborted',
      alert: 'AppRolloutAborted',
      interval: '15s',
      series: [rolloutInfo('Degraded')],
      evalTime: '5m',
      fires: [{}],
    },
    {
      name: 'a healthy rollout',
      alert: 'AppRolloutAborted',
      interval: '15s',
      series: [rolloutInfo('Healthy')],
      evalTime: '5m',
      fires: [],
    },
    {
      name: "another namespace's rollout is aborted",
      alert: 'AppRolloutAborted',
      interval: '15s',
      series: [
        gauge(
          'rollout_info',
          { ...controller, exported_namespace: `${ns}-other`, name: w.name, phase: 'Degraded' },
          '1x40',
        ),
      ],
      evalTime: '5m',
      fires: [],
    },
  ];

  const pod = podTarget(w, HASH.stable, 0);
  const { rollouts_pod_template_hash: _hash, ...upLabels } = pod;
  const targetCases: Case[] = [
    {
      name: 'a pod stopped answering scrapes',
      alert: 'AppTargetDown',
      interval: '15s',
      series: [gauge('up', pod, '0x40')],
      evalTime: '8m',
      fires: [pod],
    },
    {
      name: 'every target is up',
      alert: 'AppTargetDown',
      interval: '15s',
      series: [gauge('up', pod, '1x40')],
      evalTime: '8m',
      fires: [],
    },
    {
      name: 'no target at all (nothing scraped)',
      alert: 'AppTargetDown',
      interval: '15s',
      series: [gauge('up', { ...upLabels, namespace: 'elsewhere', job: 'elsewhere' }, '1x40')],
      evalTime: '8m',
      fires: [{ namespace: ns, job: w.name }],
    },
  ];

  const dbCases: Case[] = [];
  if (w.database) {
    // The method the rendered Cluster really uses: the Barman Cloud plugin as its WAL archiver, or in-tree.
    const pg = objects.find((o) => o.kind === 'Cluster') as unknown as {
      spec: { plugins?: { name: string }[] };
    };
    const plugin = (pg.spec.plugins ?? []).some((p) => p.name === 'barman-cloud.cloudnative-pg.io');
    const backupMetric = plugin
      ? 'barman_cloud_cloudnative_pg_io_last_available_backup_timestamp'
      : 'cnpg_collector_last_available_backup_timestamp';
    const failedMetric = backupMetric.replace('last_available', 'last_failed');
    const dbPod = {
      namespace: ns,
      pod: `${w.name}-pg-1`,
      service: `${w.name}-pg`,
      job: `${ns}/${w.name}-pg`,
      instance: '10.42.0.30:9187',
      endpoint: 'metrics',
      container: 'postgres',
    };
    const hour = 3600;
    dbCases.push(
      {
        name: 'no backup ever succeeded (the gauge reports 0)',
        alert: 'AppBackupMissing',
        interval: '5m',
        series: [gauge(backupMetric, dbPod, '0x60')],
        evalTime: '3h',
        fires: [{}],
      },
      {
        name: 'nothing reports a backup time at all',
        alert: 'AppBackupMissing',
        interval: '5m',
        series: [gauge('cnpg_collector_up', dbPod, '1x60')],
        evalTime: '3h',
        fires: [{ namespace: ns }],
      },
      {
        name: 'a backup landed an hour ago',
        alert: 'AppBackupMissing',
        interval: '5m',
        series: [gauge(backupMetric, dbPod, `${2 * hour}x60`)],
        evalTime: '3h',
        fires: [],
      },
      {
        // promtool's clock starts at 0: a backup taken at t = 1 h is 27 h old at t = 28 h.
        name: 'the newest backup is 27 hours old',
        alert: 'AppBackupStale',
        interval: '30m',
        series: [gauge(backupMetric, dbPod, `${hour}x60`)],
        evalTime: '28h',
        fires: [{}],
      },
      {
        name: 'nightly backups keep landing',
        alert: 'AppBackupStale',
        interval: '30m',
        // The timestamp moves to "now" every 24 h (48 half-hour steps).
        series: [gauge(backupMetric, dbPod, `${hour}x47 ${25 * hour}x12`)],
        evalTime: '28h',
        fires: [],
      },
      {
        name: 'the latest backup attempt failed after the last success',
        alert: 'AppBackupFailed',
        interval: '5m',
        series: [gauge(backupMetric, dbPod, `${hour}x60`), gauge(failedMetric, dbPod, `${2 * hour}x60`)],
        evalTime: '3h',
        fires: [{}],
      },
      {
        name: 'the latest backup attempt succeeded',
        alert: 'AppBackupFailed',
        interval: '5m',
        series: [gauge(backupMetric, dbPod, `${2 * hour}x60`), gauge(failedMetric, dbPod, `${hour}x60`)],
        evalTime: '3h',
        fires: [],
      },
      {
        name: 'WAL archiving fails after having worked',
        alert: 'AppWalArchivingFailing',
        interval: '1m',
        series: [
          gauge('cnpg_pg_stat_archiver_last_archived_time', dbPod, '60x60'),
          gauge('cnpg_pg_stat_archiver_last_failed_time', dbPod, '120+60x60'),
        ],
        evalTime: '30m',
        fires: [dbPod],
      },
      {
        name: 'WAL archiving works',
        alert: 'AppWalArchivingFailing',
        interval: '1m',
        series: [
          gauge('cnpg_pg_stat_archiver_last_archived_time', dbPod, '120+60x60'),
          gauge('cnpg_pg_stat_archiver_last_failed_time', dbPod, '-1x60'),
        ],
        evalTime: '30m',
        fires: [],
      },
      {
        name: 'Postgres is down',
        alert: 'AppDatabaseDown',
        interval: '1m',
        series: [gauge('cnpg_collector_up', dbPod, '0x30')],
        evalTime: '20m',
        fires: [dbPod],
      },
      {
        name: 'no Postgres instance reports at all',
        alert: 'AppDatabaseDown',
        interval: '1m',
        series: [gauge('cnpg_collector_up', { ...dbPod, namespace: 'elsewhere' }, '1x30')],
        evalTime: '20m',
        fires: [{ namespace: ns }],
      },
      {
        name: 'Postgres is up',
        alert: 'AppDatabaseDown',
        interval: '1m',
        series: [gauge('cnpg_collector_up', dbPod, '1x30')],
        evalTime: '20m',
        fires: [],
      },
    );
  }

  const cases = [...errorCases, ...rolloutCases, ...targetCases, ...dbCases];
  for (const c of cases) {
    const r = byName.get(c.alert);
    itWith('promtool')(`${c.alert} ${c.fires.length ? 'fires' : 'stays quiet'}: ${c.name}`, () => {
      expect(r, `${c.alert} is rendered`).toBeDefined();
      const test = {
        rule_files: ['rules.yaml'],
        evaluation_interval: c.interval,
        tests: [
          {
            interval: c.interval,
            input_series: c.series,
            alert_rule_test: [
              {
                alertname: c.alert,
                eval_time: c.evalTime,
                exp_alerts: c.fires.map((labels) => ({
                  exp_labels: { ...labels, ...r!.labels },
                  exp_annotations: r!.annotations,
                })),
              },
            ],
          },
        ],
      };
      const run = runEngine('promtool', () => ['test', 'rules', 'alerts.test.yaml'], {
        'rules.yaml': stringify({ groups: rule.spec.groups }),
        'alerts.test.yaml': stringify(test),
      });
      expect(run.status, run.output).toBe(0);
      expect(run.output).toContain('SUCCESS');
    });
  }

  itWith('promtool')('every rendered alert has a case that makes it fire', () => {
    const firing = new Set(cases.filter((c) => c.fires.length > 0).map((c) => c.alert));
    expect(rules.map((r) => r.alert).filter((a) => !firing.has(a))).toEqual([]);
    for (const r of rules) expect(r.annotations.runbook, `${r.alert} has a runbook line`).toBeTruthy();
  });
});

describe('every PrometheusRule of the tree', () => {
  const rules = tree.filter((o) => o.manifest.kind === 'PrometheusRule');
  it('includes the platform database rules as well as the apps', () => {
    expect(rules.some((o) => o.file.startsWith('platform/'))).toBe(true);
  });
  for (const o of rules) {
    itWith('promtool')(`${o.file} passes promtool check rules, every alert with a runbook line`, () => {
      const spec = (
        o.manifest as unknown as {
          spec: { groups: { rules: { alert?: string; annotations?: { runbook?: string } }[] }[] };
        }
      ).spec;
      const run = runEngine('promtool', () => ['check', 'rules', 'rules.yaml'], {
        'rules.yaml': stringify({ groups: spec.groups }),
      });
      expect(run.status, run.output).toBe(0);
      for (const r of spec.groups.flatMap((g) => g.rules)) {
        if (r.alert) expect(r.annotations?.runbook, r.alert).toBeTruthy();
      }
    });
  }
});
