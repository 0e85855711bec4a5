import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import {
  type AlertSpec,
  alertRules,
  appNames,
  type Cluster,
  commonLabels,
  LABELS,
} from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';
import { PORT_NAME, podLabels } from '../../parts/pod.js';
import { errorBudget, errorRatioAlertExpr, rolloutAbortedExpr, targetDownExpr } from './queries.js';

/** kube-prometheus-stack's Prometheus only selects monitors and rules carrying its release label. */
function monitorLabels(cluster: Cluster, w: Workload): Record<string, string> {
  return { ...commonLabels(w.name), [LABELS.prometheusRelease]: cluster.monitoring.prometheusRelease };
}

/**
 * Scrapes `/metrics` on the `http` port every 15s, copying the pod's `rollouts-pod-template-hash` label
 * to `rollouts_pod_template_hash` so queries can be narrowed to the canary.
 */
export function serviceMonitor(cluster: Cluster, w: Workload): ServiceMonitor {
  const names = appNames(w.name);
  return new ServiceMonitor({
    metadata: { name: names.serviceMonitor, namespace: names.namespace, labels: monitorLabels(cluster, w) },
    spec: {
      selector: { matchLabels: podLabels(w) },
      namespaceSelector: { matchNames: [names.namespace] },
      endpoints: [
        {
          port: PORT_NAME,
          path: '/metrics',
          interval: '15s',
          relabelings: [
            {
              action: 'replace',
              sourceLabels: ['__meta_kubernetes_pod_label_rollouts_pod_template_hash'],
              targetLabel: 'rollouts_pod_template_hash',
            },
          ],
        },
      ],
    },
  });
}

/**
 * The app's own alerts, each with the first thing to do about it: errors, aborted canary, targets down.
 * Other capabilities contribute theirs (the database's backup alerts).
 */
export function appAlerts(w: Workload): AlertSpec[] {
  const names = appNames(w.name);
  const ns = names.namespace;
  const budget = errorBudget(w);
  return [
    {
      alert: 'AppHighErrorRatio',
      expr: errorRatioAlertExpr(w),
      for: '5m',
      severity: 'critical',
      summary: `${w.name}: more than ${Number((budget * 100).toFixed(4))} % of requests answer 5xx`,
      runbook: `Check the dashboard's error panel by version; if a canary is running, kubectl argo rollouts abort ${names.rollout} -n ${ns}; else kubectl logs -n ${ns} -l app=${w.name} --tail=200.`,
    },
    {
      alert: 'AppRolloutAborted',
      expr: rolloutAbortedExpr(w),
      for: '1m',
      severity: 'warning',
      summary: `${w.name}: the canary was aborted; the stable version still serves`,
      runbook: `kubectl argo rollouts get rollout ${names.rollout} -n ${ns} shows the failed analysis; fix the image, then pnpm ultron image set ${w.name} <tag>, or kubectl argo rollouts retry rollout ${names.rollout} -n ${ns}.`,
    },
    {
      alert: 'AppTargetDown',
      expr: targetDownExpr(w),
      for: '5m',
      severity: 'critical',
      summary: `${w.name}: Prometheus cannot scrape the API (pods down, not Ready, or /metrics failing)`,
      runbook: `kubectl get pods -n ${ns} -l app=${w.name}; kubectl describe pod for probe failures; kubectl get endpoints ${names.service} -n ${ns}.`,
    },
  ];
}

/** Every alert of the app, its own and the other capabilities', in one rule group. */
export function prometheusRule(cluster: Cluster, w: Workload, alerts: readonly AlertSpec[]): PrometheusRule {
  return new PrometheusRule({
    metadata: { name: w.name, namespace: appNames(w.name).namespace, labels: monitorLabels(cluster, w) },
    spec: { groups: [{ name: `${w.name}.rules`, rules: alertRules(alerts, { app: w.name }) }] },
  });
}
