import { Cluster as PgCluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import { ScheduledBackup } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup';
import {
  appNames,
  BARMAN_CLOUD_PLUGIN,
  barmanObjectStore,
  type Cluster,
  commonLabels,
  type Manifest,
  oracleS3Env,
} from '@ultron/platform/core';
import type { Workload } from '../definition/schema.js';
import type { ObjectStore } from '../models/object-store.js';

type Database = Exclude<Workload['database'], false>;

/** CNPG Cluster `<app>-pg`: initdb database and owner `<app>`, backups to Oracle Object Storage. */
export function pgCluster(cluster: Cluster, w: Workload, db: Database): PgCluster {
  const names = appNames(w.name);
  const plugin = db.backup.method === 'plugin';
  return new PgCluster({
    metadata: { name: names.pgCluster, namespace: names.namespace, labels: commonLabels(w.name, 'database') },
    spec: {
      instances: db.instances,
      // Operators retire old instances before new ones on a single node; never wait for a manual switchover.
      primaryUpdateStrategy: 'unsupervised',
      storage: { size: db.size, storageClass: db.storageClass ?? cluster.storageClass },
      resources: {
        requests: { cpu: db.resources.requests.cpu, memory: db.resources.requests.memory },
        limits: {
          memory: db.resources.limits.memory,
          ...(db.resources.limits.cpu ? { cpu: db.resources.limits.cpu } : {}),
        },
      },
      bootstrap: { initdb: { database: w.name, owner: w.name } },
      inheritedMetadata: { labels: commonLabels(w.name, 'database') },
      ...(plugin
        ? {
            plugins: [
              {
                name: BARMAN_CLOUD_PLUGIN,
                isWALArchiver: true,
                parameters: { barmanObjectName: names.pgObjectStore },
              },
            ],
          }
        : {
            env: oracleS3Env(cluster),
            backup: {
              retentionPolicy: db.backup.retention ?? cluster.backups.retention,
              barmanObjectStore: barmanObjectStore(cluster, names.pgBackupCreds),
            },
          }),
    },
  });
}

/** The Barman Cloud plugin's ObjectStore, when that backup method is chosen. */
export function pgObjectStore(cluster: Cluster, w: Workload, db: Database): ObjectStore {
  const names = appNames(w.name);
  return {
    apiVersion: 'barmancloud.cnpg.io/v1',
    kind: 'ObjectStore',
    metadata: {
      name: names.pgObjectStore,
      namespace: names.namespace,
      labels: commonLabels(w.name, 'database'),
    },
    spec: {
      retentionPolicy: db.backup.retention ?? cluster.backups.retention,
      configuration: barmanObjectStore(cluster, names.pgBackupCreds),
      instanceSidecarConfiguration: { env: oracleS3Env(cluster) },
    },
  };
}

/** The nightly base backup. CNPG's cron has six fields, seconds first. */
export function pgScheduledBackup(cluster: Cluster, w: Workload, db: Database): ScheduledBackup {
  const names = appNames(w.name);
  const plugin = db.backup.method === 'plugin';
  return new ScheduledBackup({
    metadata: {
      name: names.pgScheduledBackup,
      namespace: names.namespace,
      labels: commonLabels(w.name, 'database'),
    },
    spec: {
      schedule: db.backup.schedule ?? cluster.backups.schedule,
      cluster: { name: names.pgCluster },
      // A first backup right away: a fresh cluster is never without one until the next night.
      immediate: true,
      backupOwnerReference: 'self',
      method: plugin ? 'plugin' : 'barmanObjectStore',
      ...(plugin ? { pluginConfiguration: { name: BARMAN_CLOUD_PLUGIN } } : {}),
    },
  });
}

/** Every database object of the app, or none. */
export function databaseObjects(cluster: Cluster, w: Workload): Manifest[] {
  const db = w.database;
  if (!db) return [];
  return [
    pgCluster(cluster, w, db),
    ...(db.backup.method === 'plugin' ? [pgObjectStore(cluster, w, db)] : []),
    pgScheduledBackup(cluster, w, db),
  ];
}
