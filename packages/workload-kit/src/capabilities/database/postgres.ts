import {
  appNames,
  type Cluster,
  clusterBackup,
  commonLabels,
  type PostgresOptions,
} from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';

/**
 * The app's Postgres `<app>-pg` in the platform's shape (initdb database and owner `<app>`, backups to
 * Oracle Object Storage); unset storage class, schedule and retention come from the cluster definition.
 */
export function databaseOptions(cluster: Cluster, w: Workload): PostgresOptions | null {
  const db = w.database;
  if (!db) return null;
  const names = appNames(w.name);
  return {
    name: names.pgCluster,
    namespace: names.namespace,
    database: w.name,
    instances: db.instances,
    size: db.size,
    ...(db.storageClass ? { storageClass: db.storageClass } : {}),
    resources: {
      requests: { cpu: db.resources.requests.cpu, memory: db.resources.requests.memory },
      limits: {
        memory: db.resources.limits.memory,
        ...(db.resources.limits.cpu ? { cpu: db.resources.limits.cpu } : {}),
      },
    },
    backupCredentials: names.pgBackupCreds,
    schedule: db.backup.schedule ?? cluster.backups.schedule,
    retention: db.backup.retention ?? cluster.backups.retention,
    labels: commonLabels(w.name, 'database'),
    podLabels: commonLabels(w.name, 'database'),
    backup: clusterBackup(cluster, names.pgObjectStore, db.backup.method),
    // Operators retire old instances before new ones on a single node; never wait for a manual switchover.
    unsupervisedUpdates: true,
    metricsInterval: '30s',
    scheduledBackupName: names.pgScheduledBackup,
  };
}
