import { appNames } from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';

/**
 * Every PromQL expression the kit writes, generated from the workload's metrics contract
 * (`w.metrics`) and the labels Prometheus stores. Nothing else in the kit spells a metric or label
 * name, so an app that emits `status_code` instead of `code` changes one field of its definition.
 *
 * Labels a query may use: the contract's (`codeLabel`, `routeLabel`), the target labels Prometheus
 * adds (`namespace`, `pod`, `job`, `service`), the relabeled `rollouts_pod_template_hash`, and
 * `exported_*` for exporters scraped without honorLabels. `tests/src/behaviour` runs every one of
 * them through promtool.
 */

/** The Argo Rollouts analysis argument that carries the canary ReplicaSet's pod-template hash. */
export const CANARY_HASH_ARG = 'canary-hash';
/** Rate window of the gate and the dashboard; the gate waits one window before its first measurement. */
export const GATE_WINDOW = '1m';
/** Rate window of the error alert: long enough that one bad scrape does not page anybody. */
const ALERT_WINDOW = '5m';

/** Scraped with honorLabels off, the Rollouts controller's own `namespace` label is stored as this. */
const EXPORTED_NAMESPACE = 'exported_namespace';

/** A PromQL double-quoted string literal. */
const str = (s: string) => JSON.stringify(s);
/** A regular expression matching exactly one of `values` (RE2, anchored by PromQL). */
const anyOf = (values: string[]) => values.map((v) => v.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|');

type Matchers = [label: string, op: '=' | '!=' | '=~' | '!~', value: string][];
const selector = (metric: string, matchers: Matchers) =>
  `${metric}{${matchers.map(([l, op, v]) => `${l}${op}${str(v)}`).join(',')}}`;

/** Matchers every request query shares: the app's namespace, minus excluded routes. */
function requestMatchers(w: Workload): Matchers {
  const m: Matchers = [['namespace', '=', appNames(w.name).namespace]];
  if (w.metrics.excludeRoutes.length > 0)
    m.push([w.metrics.routeLabel, '!~', anyOf(w.metrics.excludeRoutes)]);
  return m;
}
const serverError = (w: Workload): Matchers => [[w.metrics.codeLabel, '=~', '5..']];
const notServerError = (w: Workload): Matchers => [[w.metrics.codeLabel, '!~', '5..']];

/** `sum [by (…)] (rate(<metric>{namespace, excluded routes, …extra}[window]))` over one of the app's series. */
const sumRate = (w: Workload, metric: string, extra: Matchers, window: string, by = '') =>
  `sum${by ? ` by (${by})` : ''}(rate(${selector(metric, [...requestMatchers(w), ...extra])}[${window}]))`;
/** The same over the contract's request counter. */
const requestRate = (w: Workload, extra: Matchers, window: string, by = '') =>
  sumRate(w, w.metrics.requestsCounter, extra, window, by);

/**
 * The canary gate: the share of non-5xx requests answered by the canary's pods alone (stable pods
 * would dilute a broken canary), and only while the canary handles at least `minRequestRate`
 * requests per second. Below that the query returns no sample: the measurement is neither a
 * success nor a failure (see `gateConditions`).
 */
export function gateQuery(w: Workload): string {
  const canary: Matchers = [['rollouts_pod_template_hash', '=', `{{args.${CANARY_HASH_ARG}}}`]];
  return [
    '(',
    `  ${requestRate(w, [...canary, ...notServerError(w)], GATE_WINDOW)}`,
    '  /',
    `  ${requestRate(w, canary, GATE_WINDOW)}`,
    ')',
    'and',
    `${requestRate(w, canary, GATE_WINDOW)} >= ${w.canary.minRequestRate}`,
  ].join('\n');
}

/**
 * Argo Rollouts' success and failure conditions (expr-lang). An empty result (too little traffic)
 * matches neither: the measurement is Inconclusive and Rollouts pauses the rollout for a person —
 * unless the workload opted into `onLowTraffic: 'promote'`. The expressions use only `len`, `[0]`,
 * comparisons, `&&` and `||`, which mean the same in expr-lang and JavaScript (the tests evaluate them).
 */
export function gateConditions(w: Workload): { successCondition: string; failureCondition: string } {
  const t = w.canary.successThreshold;
  return {
    successCondition:
      w.canary.onLowTraffic === 'promote'
        ? `len(result) == 0 || result[0] >= ${t}`
        : `len(result) > 0 && result[0] >= ${t}`,
    failureCondition: `len(result) > 0 && result[0] < ${t}`,
  };
}

/** The error budget the canary gate allows, as a share (0.05 for a 0.95 threshold). */
export const errorBudget = (w: Workload) => Number((1 - w.canary.successThreshold).toFixed(6));

/** All pods, versions together: the share of 5xx above the budget while there is real traffic. */
export function errorRatioAlertExpr(w: Workload): string {
  return [
    '(',
    `  ${requestRate(w, serverError(w), ALERT_WINDOW)}`,
    '  /',
    `  ${requestRate(w, [], ALERT_WINDOW)}`,
    `) > ${errorBudget(w)}`,
    'and',
    `${requestRate(w, [], ALERT_WINDOW)} >= ${w.canary.minRequestRate}`,
  ].join('\n');
}

/** The app's scrape targets (job = the Service's name) down, or gone altogether. */
export function targetDownExpr(w: Workload): string {
  const names = appNames(w.name);
  const up = selector('up', [
    ['namespace', '=', names.namespace],
    ['job', '=', names.service],
  ]);
  return `${up} == 0\nor\nabsent(${up})`;
}

/** The Rollouts controller's view of the app's Rollout: Degraded is what an aborted canary turns into. */
export function rolloutAbortedExpr(w: Workload): string {
  const names = appNames(w.name);
  return `max(${selector('rollout_info', [
    [EXPORTED_NAMESPACE, '=', names.namespace],
    ['name', '=', names.rollout],
    ['phase', '=', 'Degraded'],
  ])}) == 1`;
}

/** The dashboard's series, by version (pod-template hash) so a canary stands out from stable. */
export function dashboardQueries(w: Workload): { title: string; unit: string; exprs: [string, string][] }[] {
  const byVersion = 'rollouts_pod_template_hash';
  const legend = `{{${byVersion}}}`;
  const panels = [
    {
      title: 'Requests per second (by version)',
      unit: 'reqps',
      exprs: [[legend, requestRate(w, [], GATE_WINDOW, byVersion)]] as [string, string][],
    },
    {
      title: 'Error ratio (5xx, by version)',
      unit: 'percentunit',
      exprs: [
        [
          legend,
          `${requestRate(w, serverError(w), GATE_WINDOW, byVersion)}\n/\n${requestRate(w, [], GATE_WINDOW, byVersion)}`,
        ],
      ] as [string, string][],
    },
  ];
  const histogram = w.metrics.durationHistogram;
  if (histogram) {
    panels.push({
      title: 'Latency',
      unit: 's',
      exprs: ['0.5', '0.95', '0.99'].map((q) => [
        `p${Number(q) * 100}`,
        `histogram_quantile(${q}, ${sumRate(w, `${histogram}_bucket`, [], '5m', 'le')})`,
      ]),
    });
  }
  return panels;
}
