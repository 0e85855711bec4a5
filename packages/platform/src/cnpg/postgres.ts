import { Cluster as PgCluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import { ScheduledBackup } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { SYNC_WAVE } from '../argocd/application.js';
import type { Cluster } from '../cluster/schema.js';
import { LABELS } from '../conventions/names.js';
import type { Manifest } from '../render/manifest.js';
import { archiveServerName, type PostgresBackup } from './backup-settings.js';
import { BARMAN_CLOUD_PLUGIN, barmanObjectStore, oracleS3Env } from './object-store.js';

/**
 * One CNPG Postgres with continuous backups to the cluster's Oracle Object Storage: the platform's
 * `keycloak-pg` and every app's `<app>-pg` are built from these options.
 */
export interface PostgresOptions {
  /** The CNPG Cluster's name, e.g. `keycloak-pg`; also its folder in the bucket. */
  name: string;
  namespace: string;
  /** `initdb` database and owner; CNPG writes the owner's credentials to Secret `<name>-app`. */
  database: string;
  instances: number;
  size: string;
  /** Default: the cluster's storage class. */
  storageClass?: string;
  resources: { requests: { cpu: string; memory: string }; limits: { cpu?: string; memory?: string } };
  /** Secret holding BACKUP_CREDENTIAL_KEYS (an Oracle Customer Secret Key); created out of band, never rendered. */
  backupCredentials: string;
  schedule: string;
  retention: string;
  labels: Record<string, string>;
  /** Labels CNPG copies onto the Postgres pods. */
  podLabels?: Record<string, string>;
  /** Sync-wave annotation value, so the database comes before what reads its secret. */
  wave?: string;
  /** How WAL and base backups leave the cluster, and which archive generation it writes (and recovers from). */
  backup: PostgresBackup;
  /** Let the operator restart and switch over instances on its own during updates. */
  unsupervisedUpdates?: boolean;
  /** Scrape interval of the instances' metrics (default: Prometheus's). */
  metricsInterval?: string;
  /** Name of the nightly ScheduledBackup (default `<name>-nightly`). */
  scheduledBackupName?: string;
}

function metadata(o: PostgresOptions, name: string, labels = o.labels) {
  return {
    name,
    namespace: o.namespace,
    labels,
    ...(o.wave === undefined ? {} : { annotations: { [SYNC_WAVE]: o.wave } }),
  };
}

const usesPlugin = (o: PostgresOptions) => o.backup.method === 'plugin';

/** The external cluster a disaster recovery reads from: the same store, the previous generation's folder. */
export const RECOVERY_SOURCE = 'origin';

function recoverySource(cluster: Cluster, o: PostgresOptions, generation: number) {
  const serverName = archiveServerName(o.name, generation);
  return o.backup.method === 'plugin'
    ? {
        name: RECOVERY_SOURCE,
        plugin: {
          name: BARMAN_CLOUD_PLUGIN,
          parameters: { barmanObjectName: o.backup.objectStore, serverName },
        },
      }
    : {
        name: RECOVERY_SOURCE,
        barmanObjectStore: barmanObjectStore(cluster, o.backupCredentials, serverName),
      };
}

/**
 * The CNPG Cluster. Backups (WAL and base, gzip) go to `s3://<bucket>/<server name>/`, through the Barman
 * Cloud plugin's ObjectStore or CNPG's in-tree `barmanObjectStore` (deprecated since CNPG 1.26, removed in
 * 1.31). With `recoverFrom`, the cluster is created from that generation's archive instead of `initdb`.
 */
export function postgresCluster(cluster: Cluster, o: PostgresOptions): PgCluster {
  const backup = o.backup;
  const serverName = archiveServerName(o.name, backup.generation);
  const owner = { database: o.database, owner: o.database };
  return new PgCluster({
    metadata: metadata(o, o.name),
    spec: {
      instances: o.instances,
      ...(o.unsupervisedUpdates ? { primaryUpdateStrategy: 'unsupervised' as const } : {}),
      storage: { size: o.size, storageClass: o.storageClass ?? cluster.storageClass },
      bootstrap:
        backup.recoverFrom === undefined
          ? { initdb: owner }
          : { recovery: { source: RECOVERY_SOURCE, ...owner } },
      ...(backup.recoverFrom === undefined
        ? {}
        : { externalClusters: [recoverySource(cluster, o, backup.recoverFrom)] }),
      resources: o.resources,
      ...(o.podLabels ? { inheritedMetadata: { labels: o.podLabels } } : {}),
      ...(backup.method === 'plugin'
        ? {
            plugins: [
              {
                name: BARMAN_CLOUD_PLUGIN,
                isWALArchiver: true,
                // The plugin archives to `<destinationPath>/<serverName>/`; the ObjectStore is shared by generations.
                parameters: { barmanObjectName: backup.objectStore, serverName },
              },
            ],
          }
        : {
            env: oracleS3Env(cluster),
            backup: {
              retentionPolicy: o.retention,
              // Its own folder in the bucket (explicit, so a rename cannot mix them).
              barmanObjectStore: barmanObjectStore(cluster, o.backupCredentials, serverName),
            },
          }),
    },
  });
}

/** The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1), when that backup method is chosen. */
export interface ObjectStore extends Manifest {
  apiVersion: 'barmancloud.cnpg.io/v1';
  kind: 'ObjectStore';
  metadata: {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    retentionPolicy: string;
    configuration: ReturnType<typeof barmanObjectStore>;
    instanceSidecarConfiguration: { env: { name: string; value: string }[] };
  };
}

export function postgresObjectStore(cluster: Cluster, o: PostgresOptions, objectStore: string): ObjectStore {
  // Before the Cluster that names it: the plugin rejects a Cluster whose ObjectStore does not exist yet.
  return {
    apiVersion: 'barmancloud.cnpg.io/v1',
    kind: 'ObjectStore',
    metadata: metadata(o, objectStore),
    spec: {
      retentionPolicy: o.retention,
      // No serverName here: the plugin takes it from the Cluster's plugin parameters (one per generation).
      configuration: barmanObjectStore(cluster, o.backupCredentials),
      instanceSidecarConfiguration: { env: oracleS3Env(cluster) },
    },
  };
}

/** Nightly base backup (six-field cron); `immediate` takes the first one as soon as a rebuilt cluster is up. */
export function nightlyBackup(o: PostgresOptions): ScheduledBackup {
  return new ScheduledBackup({
    metadata: metadata(o, o.scheduledBackupName ?? `${o.name}-nightly`),
    spec: {
      schedule: o.schedule,
      cluster: { name: o.name },
      method: usesPlugin(o) ? 'plugin' : 'barmanObjectStore',
      ...(usesPlugin(o) ? { pluginConfiguration: { name: BARMAN_CLOUD_PLUGIN } } : {}),
      backupOwnerReference: 'self',
      immediate: true,
    },
  });
}

/** Scrapes the instances' exporter (CNPG no longer creates PodMonitors itself). */
export function postgresPodMonitor(cluster: Cluster, o: PostgresOptions): PodMonitor {
  return new PodMonitor({
    metadata: metadata(o, o.name, {
      ...o.labels,
      [LABELS.prometheusRelease]: cluster.monitoring.prometheusRelease,
    }),
    spec: {
      // Every pod of the cluster; only the instances expose the `metrics` port, so only they are scraped.
      selector: { matchLabels: { [LABELS.cnpgCluster]: o.name } },
      podMetricsEndpoints: [
        { port: 'metrics', ...(o.metricsInterval ? { interval: o.metricsInterval } : {}) },
      ],
    },
  });
}

/** The objects of one database: the Cluster, its plugin ObjectStore (if any) and its nightly backup. */
export function postgresObjects(cluster: Cluster, o: PostgresOptions): Manifest[] {
  const backup = o.backup;
  return [
    postgresCluster(cluster, o),
    ...(backup.method === 'plugin' ? [postgresObjectStore(cluster, o, backup.objectStore)] : []),
    nightlyBackup(o),
  ];
}

/** Everything one platform database needs: its objects and its monitor. */
export function postgres(cluster: Cluster, o: PostgresOptions): Manifest[] {
  return [...postgresObjects(cluster, o), postgresPodMonitor(cluster, o)];
}
