import type { PostgresBackup } from './backup-settings.js';

/**
 * Backup freshness metrics, per backup method. Both are Unix times (seconds) exported by the CNPG instance
 * manager on every Postgres pod (port `metrics`); Prometheus adds `namespace`, `pod`, `job`… from the target.
 *
 * With the Barman Cloud plugin, CNPG's in-core `cnpg_collector_last_available_backup_timestamp` no longer
 * moves; the plugin reports its own gauges through the instance manager instead. Their names are the
 * plugin's name (`barman-cloud.cloudnative-pg.io`, dots and dashes → `_`) plus the metric, with no labels
 * of their own (plugin-barman-cloud v0.13.0, internal/cnpgi/instance/metrics.go). They read the
 * ObjectStore's recovery window for the cluster's server name, and are 0 while no backup is known.
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

/** One alerting rule, in the shape a PrometheusRule group takes. */
export interface BackupAlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: { summary: string };
}

export interface BackupAlertOptions {
  /** The CNPG Cluster, e.g. `penvoice-pg`. */
  cluster: string;
  namespace: string;
  method: PostgresBackup['method'];
  /** Extra labels on each alert (e.g. `app`). */
  labels?: Record<string, string>;
  /** Base backups are nightly: older than this many hours means last night's did not land. */
  maxAgeHours?: number;
  /** Alert names, so the app recipe and the platform can keep their own (e.g. `AppBackupStale`). */
  names?: { stale?: string; failed?: string };
}

/**
 * The backup alerts of one database, reading the metrics of the method it uses. Kept apart from any
 * PrometheusRule so the app recipe's alert builder and the platform's Keycloak rule call the same thing.
 * `stale` also fires when no backup ever succeeded (the gauge is 0, or absent once the pods run).
 */
export function backupAlertRules(o: BackupAlertOptions): BackupAlertRule[] {
  const m = BACKUP_METRICS[o.method];
  const sel = `namespace="${o.namespace}", pod=~"${o.cluster}-[0-9]+"`;
  const maxAge = o.maxAgeHours ?? 26;
  const labels = (severity: string) => ({ severity, ...o.labels });
  return [
    {
      alert: o.names?.stale ?? 'PostgresBackupStale',
      expr: `time() - max(${m.lastAvailable}{${sel}}) > ${maxAge} * 3600`,
      for: '30m',
      labels: labels('critical'),
      annotations: {
        summary: `${o.namespace}/${o.cluster}: no successful base backup for more than ${maxAge}h (or none yet)`,
      },
    },
    {
      alert: o.names?.failed ?? 'PostgresBackupFailed',
      // The latest attempt failed after the latest success: the next nightly run is hours away.
      expr: `max(${m.lastFailed}{${sel}}) > max(${m.lastAvailable}{${sel}})`,
      for: '5m',
      labels: labels('warning'),
      annotations: {
        summary: `${o.namespace}/${o.cluster}: the latest base backup failed (kubectl -n ${o.namespace} get backups)`,
      },
    },
  ];
}
