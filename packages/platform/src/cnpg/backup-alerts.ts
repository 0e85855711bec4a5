import type { PostgresBackup } from './backup-settings.js';

/**
 * Backup freshness metrics, per backup method. Both are Unix times (seconds) exported by the CNPG instance
 * manager on every Postgres pod (port `metrics`); Prometheus adds `namespace`, `pod`, `job`… from the target.
 *
 * With the Barman Cloud plugin, CNPG's in-core `cnpg_collector_last_available_backup_timestamp` no longer
 * moves; the plugin reports its own gauges through the instance manager instead. Their names are the
 * plugin's name (`barman-cloud.cloudnative-pg.io`, dots and dashes → `_`) plus the metric, with no labels
 * of their own (plugin-barman-cloud v0.13.0, internal/cnpgi/instance/metrics.go). Both report 0 while no
 * backup is known (CNPG v1.29.1 setTimestampMetric; the plugin's recovery window), and only the primary
 * reports a real value, hence `max`.
 */
export const BACKUP_METRICS = {
  plugin: {
    lastAvailable: 'barman_cloud_cloudnative_pg_io_last_available_backup_timestamp',
    lastFailed: 'barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp',
    firstRecoverabilityPoint: 'barman_cloud_cloudnative_pg_io_first_recoverability_point',
  },
  barmanObjectStore: {
    lastAvailable: 'cnpg_collector_last_available_backup_timestamp',
    lastFailed: 'cnpg_collector_last_failed_backup_timestamp',
    firstRecoverabilityPoint: 'cnpg_collector_first_recoverability_point',
  },
} as const satisfies Record<PostgresBackup['method'], Record<string, string>>;

/** One alert as the platform writes it: every alert carries the first thing a person on call does. */
export interface AlertSpec {
  alert: string;
  expr: string;
  for: string;
  severity: 'critical' | 'warning';
  summary: string;
  /** What the person on call does first. */
  runbook: string;
}

/** One rule of a PrometheusRule group, as alertRules writes it. */
export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: { summary: string; runbook: string };
}

/** Alerts as PrometheusRule rules, with extra labels (e.g. `app`) on each. */
export function alertRules(alerts: readonly AlertSpec[], labels: Record<string, string> = {}): AlertRule[] {
  return alerts.map((a) => ({
    alert: a.alert,
    expr: a.expr,
    for: a.for,
    labels: { severity: a.severity, ...labels },
    annotations: { summary: a.summary, runbook: a.runbook },
  }));
}

export interface DatabaseAlertOptions {
  /** The CNPG Cluster, e.g. `penvoice-pg`. */
  cluster: string;
  namespace: string;
  method: PostgresBackup['method'];
  /** Alert names start with this: `App` for apps' (AppBackupStale…), `Postgres` by default. */
  prefix?: string;
  /** The command a person runs to take a backup now. */
  backupNow?: string;
  /** The Secret holding the object-storage credentials, for the runbook lines. */
  credentials?: string;
  /** Base backups are nightly: older than this many hours means last night's did not land. */
  maxAgeHours?: number;
}

/**
 * The alerts of one CNPG database, on the metrics of the backup method it uses: Postgres down, the
 * newest base backup stale, no backup ever, the latest attempt failed, WAL archiving failing. The app
 * recipe and the platform's Keycloak database call this same function.
 */
export function databaseAlerts(o: DatabaseAlertOptions): AlertSpec[] {
  const m = BACKUP_METRICS[o.method];
  const sel = `{namespace="${o.namespace}",pod=~"${o.cluster}-[0-9]+"}`;
  const maxAge = o.maxAgeHours ?? 26;
  const prefix = o.prefix ?? 'Postgres';
  const status = `kubectl cnpg status ${o.cluster} -n ${o.namespace}`;
  const backupNow = o.backupNow ?? `kubectl cnpg backup ${o.cluster} -n ${o.namespace} --method=${o.method}`;
  const credentials = o.credentials
    ? `check ${o.credentials} and the bucket`
    : 'check the object-storage credentials';
  return [
    {
      alert: `${prefix}DatabaseDown`,
      expr: `cnpg_collector_up${sel} == 0\nor\nabsent(cnpg_collector_up${sel})`,
      for: '5m',
      severity: 'critical',
      summary: `${o.namespace}/${o.cluster}: Postgres is not up`,
      runbook: `${status}; kubectl get pods -n ${o.namespace} -l cnpg.io/cluster=${o.cluster}; check the PVC and the operator's logs in cnpg-system.`,
    },
    {
      alert: `${prefix}BackupStale`,
      expr: `time() - max(${m.lastAvailable}${sel} > 0) > ${maxAge} * 3600`,
      for: '30m',
      severity: 'critical',
      summary: `${o.namespace}/${o.cluster}: the newest base backup is older than ${maxAge}h`,
      runbook: `kubectl get backups -n ${o.namespace}; kubectl get scheduledbackups -n ${o.namespace}; then ${backupNow}.`,
    },
    {
      alert: `${prefix}BackupMissing`,
      expr: `max(${m.lastAvailable}${sel}) == 0\nor\nabsent(${m.lastAvailable}${sel})`,
      // A new cluster takes its first backup at once (ScheduledBackup immediate); give it time to land.
      for: '2h',
      severity: 'critical',
      summary: `${o.namespace}/${o.cluster}: no successful base backup at all`,
      runbook: `kubectl get backups -n ${o.namespace} and describe the failed one; ${credentials}; then ${backupNow}.`,
    },
    {
      alert: `${prefix}BackupFailed`,
      // The latest attempt failed after the latest success: the next nightly run is hours away.
      expr: `max(${m.lastFailed}${sel}) > max(${m.lastAvailable}${sel})`,
      for: '5m',
      severity: 'warning',
      summary: `${o.namespace}/${o.cluster}: the latest base backup failed`,
      runbook: `kubectl get backups -n ${o.namespace}; kubectl describe the newest failed one; ${credentials}; then ${backupNow}.`,
    },
    {
      alert: `${prefix}WalArchivingFailing`,
      expr: `cnpg_pg_stat_archiver_last_failed_time${sel}\n> cnpg_pg_stat_archiver_last_archived_time${sel}`,
      for: '10m',
      severity: 'critical',
      summary: `${o.namespace}/${o.cluster}: WAL archiving fails; point-in-time recovery is at risk and the disk fills`,
      runbook: `${status} (Continuous Backup status); kubectl logs -n ${o.namespace} ${o.cluster}-1 | grep -i archive; ${credentials}.`,
    },
  ];
}
