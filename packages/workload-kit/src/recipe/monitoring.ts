import type { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import {
  appNames,
  backupAlertRules,
  type Cluster,
  commonLabels,
  LABELS,
  type Manifest,
  postgresPodMonitor,
} from '@ultron/platform/core';
import type { Workload } from '../definition/schema.js';
import { databaseOptions } from './database.js';
import { PORT_NAME, podLabels } from './pod.js';
import { successRateQuery } from './rollout.js';

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

/** The Postgres pods' metrics (CNPG's exporter on port `metrics`): backup age, replication, size. */
export function databasePodMonitor(cluster: Cluster, w: Workload): PodMonitor | null {
  const o = databaseOptions(cluster, w);
  return o ? postgresPodMonitor(cluster, o) : null;
}

/** Alerts an operator acts on: errors above the canary's own threshold, an aborted rollout, a stale or failed backup. */
export function prometheusRule(cluster: Cluster, w: Workload): PrometheusRule {
  const names = appNames(w.name);
  const ns = names.namespace;
  const errorBudget = Number((1 - w.canary.successThreshold).toFixed(6));
  const rules: { alert: string; expr: string; for: string; severity: string; summary: string }[] = [
    {
      alert: 'AppHighErrorRatio',
      expr: `1 - (\n${successRateQuery(w)}\n) > ${errorBudget}`,
      for: '5m',
      severity: 'critical',
      summary: `${w.name}: more than ${errorBudget * 100}% of requests fail with 5xx`,
    },
    {
      alert: 'AppRolloutAborted',
      expr: `max(rollout_info{namespace="${ns}", name="${names.rollout}", phase="Degraded"}) == 1`,
      for: '1m',
      severity: 'warning',
      summary: `${w.name}: the canary was aborted; the stable version still serves (kubectl argo rollouts get rollout ${names.rollout} -n ${ns})`,
    },
  ];
  const db = databaseOptions(cluster, w);
  // Backup alerts read the metrics of the method the database uses (the plugin's own, or CNPG's in-core).
  const backupRules = db
    ? backupAlertRules({
        cluster: db.name,
        namespace: ns,
        method: db.backup.method,
        labels: { app: w.name },
        names: { stale: 'AppBackupStale', failed: 'AppBackupFailed' },
      })
    : [];
  return new PrometheusRule({
    metadata: { name: w.name, namespace: ns, labels: monitorLabels(cluster, w) },
    spec: {
      groups: [
        {
          name: `${w.name}.rules`,
          rules: [
            ...rules.map((r) => ({
              alert: r.alert,
              expr: r.expr,
              for: r.for,
              labels: { severity: r.severity, app: w.name },
              annotations: { summary: r.summary },
            })),
            ...backupRules,
          ],
        },
      ],
    },
  });
}

export function monitoringObjects(cluster: Cluster, w: Workload): Manifest[] {
  return [serviceMonitor(cluster, w), databasePodMonitor(cluster, w), prometheusRule(cluster, w)].filter(
    (m): m is NonNullable<typeof m> => m !== null,
  );
}
