import { Cluster as PgCluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import { ScheduledBackup } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import type { Cluster } from '../cluster/schema.js';
import { barmanObjectStore, oracleS3Env } from '../cnpg/object-store.js';
import { LABELS } from '../conventions/names.js';
import type { Resources } from './sizing.js';

/** One CNPG Postgres with continuous backups to the cluster's Oracle Object Storage. */
export interface PostgresOptions {
  /** The CNPG Cluster's name, e.g. `keycloak-pg`; also its folder in the bucket. */
  name: string;
  namespace: string;
  /** `initdb` database and owner; CNPG writes the owner's credentials to Secret `<name>-app`. */
  database: string;
  instances: number;
  size: string;
  resources: Pick<Resources, 'requests'> & { limits: Partial<Resources['limits']> };
  /** Secret holding BACKUP_CREDENTIAL_KEYS (an Oracle Customer Secret Key); created out of band, never rendered. */
  backupCredentials: string;
  schedule: string;
  retention: string;
  labels: Record<string, string>;
  /** Sync-wave annotation value, so the database comes before what reads its secret. */
  wave?: string;
}

function metadata(o: PostgresOptions, name: string) {
  return {
    name,
    namespace: o.namespace,
    labels: o.labels,
    ...(o.wave === undefined ? {} : { annotations: { 'argocd.argoproj.io/sync-wave': o.wave } }),
  };
}

/**
 * The CNPG Cluster. Backups use the in-tree `barmanObjectStore` (what the platform runs today; deprecated
 * since CNPG 1.26 but still served by 1.29): WAL and base backups, gzip, to `s3://<bucket>/<name>/`.
 */
export function postgresCluster(cluster: Cluster, o: PostgresOptions): PgCluster {
  return new PgCluster({
    metadata: metadata(o, o.name),
    spec: {
      instances: o.instances,
      storage: { size: o.size, storageClass: cluster.storageClass },
      bootstrap: { initdb: { database: o.database, owner: o.database } },
      resources: o.resources,
      env: oracleS3Env(cluster),
      backup: {
        retentionPolicy: o.retention,
        // Its own folder in the bucket, named after the cluster (explicit, so a rename cannot mix them).
        barmanObjectStore: barmanObjectStore(cluster, o.backupCredentials, o.name),
      },
    },
  });
}

/** Nightly base backup; `immediate` takes the first one as soon as a rebuilt cluster is up. */
export function nightlyBackup(o: PostgresOptions): ScheduledBackup {
  return new ScheduledBackup({
    metadata: metadata(o, `${o.name}-nightly`),
    spec: {
      schedule: o.schedule,
      cluster: { name: o.name },
      method: 'barmanObjectStore',
      backupOwnerReference: 'self',
      immediate: true,
    },
  });
}

/** Scrapes the instances' exporter (CNPG no longer creates PodMonitors itself). */
export function postgresPodMonitor(cluster: Cluster, o: PostgresOptions): PodMonitor {
  return new PodMonitor({
    metadata: {
      ...metadata(o, o.name),
      labels: { ...o.labels, [LABELS.prometheusRelease]: cluster.monitoring.prometheusRelease },
    },
    spec: {
      // Every pod of the cluster; only the instances expose the `metrics` port, so only they are scraped.
      selector: { matchLabels: { [LABELS.cnpgCluster]: o.name } },
      podMetricsEndpoints: [{ port: 'metrics' }],
    },
  });
}

/** Everything one database needs: the Cluster, its nightly backup and its monitor. */
export function postgres(cluster: Cluster, o: PostgresOptions) {
  return [postgresCluster(cluster, o), nightlyBackup(o), postgresPodMonitor(cluster, o)];
}
