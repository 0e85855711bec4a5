import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { itWith, runEngine } from '../engines/tools.js';
import { HASH } from './series.js';
import { renderedWorkloads } from './workloads.js';

/**
 * Every PromQL string the kit writes for an app — the canary gate, every alert, every dashboard
 * target — parses with Prometheus' grammar (the lezer grammar Prometheus' own UI uses, and promtool),
 * and reads only labels that exist: the app's declared metrics contract, the target labels Prometheus
 * adds, the relabeled pod-template hash, and the documented labels of the exporters it queries.
 */
const TARGET_LABELS = ['namespace', 'pod', 'service', 'job', 'instance', 'endpoint', 'container'];
/** Labels of series other exporters publish, as stored (Rollouts scraped without honorLabels). */
const EXPORTER_LABELS: Record<string, string[]> = {
  rollout_info: ['exported_namespace', 'name', 'phase'],
};

interface Use {
  metric: string | null;
  labels: string[];
}

/** Each vector selector's metric name and label names, plus grouping labels (metric null). */
function uses(expr: string): { errors: number; uses: Use[] } {
  const tree = parser.parse(expr);
  const out: Use[] = [];
  let errors = 0;
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) errors++;
    if (cursor.name === 'VectorSelector') {
      const node = cursor.node;
      const id = node.getChild('Identifier');
      const labels = node
        .getChild('LabelMatchers')
        ?.getChildren('UnquotedLabelMatcher')
        .map((m) => m.getChild('LabelName'))
        .map((n) => (n ? expr.slice(n.from, n.to) : ''));
      out.push({ metric: id ? expr.slice(id.from, id.to) : null, labels: labels ?? [] });
    }
    if (cursor.name === 'GroupingLabels') {
      const labels = cursor.node.getChildren('LabelName').map((n) => expr.slice(n.from, n.to));
      out.push({ metric: null, labels });
    }
  } while (cursor.next());
  return { errors, uses: out };
}

const workloads = await renderedWorkloads();

describe.each(workloads.map((r) => [r.w.name, r] as const))('PromQL of %s', (_, { w, one, objects }) => {
  const gate = (
    one('AnalysisTemplate') as { spec: { metrics: { provider: { prometheus: { query: string } } }[] } }
  ).spec.metrics.map((m) => m.provider.prometheus.query.replaceAll('{{args.canary-hash}}', HASH.canary));
  const alerts = (one('PrometheusRule') as { spec: { groups: { rules: { expr: string }[] }[] } }).spec.groups
    .flatMap((g) => g.rules)
    .map((r) => r.expr);
  const dashboards = dashboardTargets(objects);
  const all = [...gate, ...alerts, ...dashboards];

  const m = w.metrics;
  const appMetrics = new Set([
    m.requestsCounter,
    ...(m.durationHistogram ? [`${m.durationHistogram}_bucket`] : []),
  ]);
  const appLabels = new Set([
    m.codeLabel,
    m.routeLabel,
    ...TARGET_LABELS,
    'rollouts_pod_template_hash',
    'le',
  ]);

  it('finds the gate, the alerts and the dashboard targets', () => {
    expect(gate.length).toBe(1);
    expect(alerts.length).toBeGreaterThanOrEqual(3);
    expect(dashboards.length).toBeGreaterThanOrEqual(2);
  });

  it.each(all.map((e) => [e.split('\n')[0], e] as const))(
    '%s … parses and reads only contract labels',
    (_, expr) => {
      const { errors, uses: found } = uses(expr);
      expect(errors, expr).toBe(0);
      for (const u of found) {
        const allowed =
          u.metric === null || appMetrics.has(u.metric)
            ? appLabels
            : new Set([...TARGET_LABELS, ...(EXPORTER_LABELS[u.metric] ?? [])]);
        expect(
          u.labels.filter((l) => !allowed.has(l)),
          `${u.metric ?? 'grouping'} in ${expr}`,
        ).toEqual([]);
      }
      // The app's request metrics are read only through the contract's names.
      const requestLike = found.filter((u) => u.metric && /http_|requests|_bucket$/.test(u.metric));
      for (const u of requestLike) expect(appMetrics.has(u.metric!), u.metric!).toBe(true);
    },
  );

  itWith('promtool')('all of it passes promtool check rules', () => {
    const groups = [{ name: 'all', rules: all.map((expr, i) => ({ record: `ultron:check:${i}`, expr })) }];
    const run = runEngine('promtool', () => ['check', 'rules', 'rules.yaml'], {
      'rules.yaml': stringify({ groups }),
    });
    expect(run.status, run.output).toBe(0);
  });
});

/** The targets of the app's Grafana dashboards (ConfigMaps labelled for Grafana's sidecar). */
function dashboardTargets(
  objects: { kind: string; metadata: { labels?: Record<string, string> }; data?: unknown }[],
) {
  return objects
    .filter((o) => o.kind === 'ConfigMap' && o.metadata.labels?.grafana_dashboard === '1')
    .flatMap((cm) => Object.values(cm.data as Record<string, string>))
    .flatMap((json) =>
      (JSON.parse(json) as { panels: { targets: { expr: string }[] }[] }).panels.flatMap((p) =>
        p.targets.map((t) => t.expr),
      ),
    );
}
