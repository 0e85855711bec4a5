import { objectStorageEndpoint } from '../cluster/define.js';
import type { Cluster } from '../cluster/schema.js';

/** Keys of the out-of-band backup credential Secret (an Oracle Customer Secret Key). */
export const BACKUP_CREDENTIAL_KEYS = {
  accessKeyId: 'ACCESS_KEY_ID',
  secretAccessKey: 'ACCESS_SECRET_KEY',
} as const;

/**
 * Oracle's S3-compatible API rejects the newer AWS checksum headers and needs the bucket's real region;
 * without these the backups fail (quietly, from the app's point of view).
 */
export function oracleS3Env(cluster: Cluster): { name: string; value: string }[] {
  return [
    { name: 'AWS_REQUEST_CHECKSUM_CALCULATION', value: 'when_required' },
    { name: 'AWS_RESPONSE_CHECKSUM_VALIDATION', value: 'when_required' },
    { name: 'AWS_DEFAULT_REGION', value: cluster.objectStorage.region },
  ];
}

/**
 * Where and how a Postgres cluster ships WAL and base backups: `s3://<bucket>/`, where Barman keeps one
 * folder per server name (the CNPG cluster's name), gzip for WAL and data.
 * Shared by the in-tree `barmanObjectStore`, the plugin's ObjectStore and point-in-time restores.
 */
export function barmanObjectStore(cluster: Cluster, credentialsSecret: string, serverName?: string) {
  return {
    destinationPath: `s3://${cluster.objectStorage.bucket}/`,
    endpointURL: objectStorageEndpoint(cluster),
    ...(serverName ? { serverName } : {}),
    s3Credentials: {
      accessKeyId: { name: credentialsSecret, key: BACKUP_CREDENTIAL_KEYS.accessKeyId },
      secretAccessKey: { name: credentialsSecret, key: BACKUP_CREDENTIAL_KEYS.secretAccessKey },
    },
    wal: { compression: 'gzip' as const },
    data: { compression: 'gzip' as const },
  };
}

/** The Barman Cloud plugin's name, as CNPG Cluster `plugins` and ScheduledBackup `pluginConfiguration` use it. */
export const BARMAN_CLOUD_PLUGIN = 'barman-cloud.cloudnative-pg.io';
