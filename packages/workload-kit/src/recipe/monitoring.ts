import type { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import {
  appNames,
  type Cluster,
  commonLabels,
  LABELS,
  type Manifest,
  postgresPodMonitor,
} from '@ultron/platform/core';
import type { Workload } from '../definition/schema.js';
import { databaseOptions } from './database.js';
import { PORT_NAME, podLabels } from './pod.js';
import {
  backupMissingExpr,
  backupStaleExpr,
  databaseDownExpr,
  errorBudget,
  errorRatioAlertExpr,
  rolloutAbortedExpr,
  targetDownExpr,
  walArchivingFailingExpr,
} from './queries.js';

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

interface Alert {
  alert: string;
  expr: string;
  for: string;
  severity: 'critical' | 'warning';
  summary: string;
  /** What the person on call does first. */
  runbook: string;
}

/** The alerts an operator acts on, each with the first thing to do about it. */
export function alerts(w: Workload): Alert[] {
  const names = appNames(w.name);
  const ns = names.namespace;
  const budget = errorBudget(w);
  const list: Alert[] = [
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
  if (!w.database) return list;
  const cnpg = `kubectl cnpg status ${names.pgCluster} -n ${ns}`;
  return [
    ...list,
    {
      alert: 'AppDatabaseDown',
      expr: databaseDownExpr(w),
      for: '5m',
      severity: 'critical',
      summary: `${w.name}: Postgres ${names.pgCluster} is not up`,
      runbook: `${cnpg}; kubectl get pods -n ${ns} -l cnpg.io/cluster=${names.pgCluster}; check the PVC and the operator's logs in cnpg-system.`,
    },
    {
      alert: 'AppBackupStale',
      // Nightly backups plus a margin: older than 26h means last night's backup did not land.
      expr: backupStaleExpr(w),
      for: '30m',
      severity: 'critical',
      summary: `${w.name}: the newest base backup of ${names.pgCluster} is older than 26h`,
      runbook: `kubectl get backups -n ${ns}; kubectl describe scheduledbackup ${names.pgScheduledBackup} -n ${ns}; then pnpm ultron backup ${w.name}.`,
    },
    {
      alert: 'AppBackupMissing',
      expr: backupMissingExpr(w),
      // A new cluster takes its first backup at once (ScheduledBackup immediate); give it time to land.
      for: '2h',
      severity: 'critical',
      summary: `${w.name}: ${names.pgCluster} has no successful base backup at all`,
      runbook: `kubectl get backups -n ${ns} and describe the failed one; check ${names.pgBackupCreds} and the bucket; then pnpm ultron backup ${w.name}.`,
    },
    {
      alert: 'AppWalArchivingFailing',
      expr: walArchivingFailingExpr(w),
      for: '10m',
      severity: 'critical',
      summary: `${w.name}: ${names.pgCluster} cannot archive WAL; point-in-time recovery is at risk and the disk fills`,
      runbook: `${cnpg} (Continuous Backup status); kubectl logs -n ${ns} ${names.pgCluster}-1 | grep -i archive; check object-storage credentials and reachability.`,
    },
  ];
}

export function prometheusRule(cluster: Cluster, w: Workload): PrometheusRule {
  return new PrometheusRule({
    metadata: { name: w.name, namespace: appNames(w.name).namespace, labels: monitorLabels(cluster, w) },
    spec: {
      groups: [
        {
          name: `${w.name}.rules`,
          rules: alerts(w).map((r) => ({
            alert: r.alert,
            expr: r.expr,
            for: r.for,
            labels: { severity: r.severity, app: w.name },
            annotations: { summary: r.summary, runbook: r.runbook },
          })),
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
