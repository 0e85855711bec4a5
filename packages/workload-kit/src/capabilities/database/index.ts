import {
  appNames,
  commonLabels,
  databaseAlerts,
  LABELS,
  postgresNetworkPolicies,
  postgresObjects,
  postgresPodMonitor,
} from '@ultron/platform/core';
import type { BackupFacts, Capability } from '../capability.js';
import { databaseApplication, databaseDir } from './application.js';
import { type BackupMethod, backupMethodOf, databaseBackupTarget, recoverySourceOf } from './backup.js';
import { databaseOptions } from './postgres.js';

/**
 * The app's CNPG Postgres `<app>-pg` with backups to object storage, in its own folder synced one wave
 * before the app; the app reads DB_URL from the Secret CNPG makes.
 */
export const database: Omit<Capability, 'backup'> & { backup: BackupFacts<BackupMethod> } = {
  name: 'database',
  enabled: (w) => w.database !== false,
  backup: { target: databaseBackupTarget, method: backupMethodOf, recoverySource: recoverySourceOf },
  contributes: ({ cluster, w }) => {
    const names = appNames(w.name);
    const db = databaseOptions(cluster, w);
    if (!db) return {};
    return {
      env: [{ name: 'DB_URL', valueFrom: { secretKeyRef: { name: names.pgAppSecret, key: 'uri' } } }],
      // The label the database's NetworkPolicy admits clients by.
      podLabels: { [LABELS.dbClient]: 'true' },
      alerts: databaseAlerts({
        cluster: db.name,
        namespace: names.namespace,
        method: db.backup.method,
        prefix: 'App',
        backupNow: `pnpm ultron backup ${w.name}`,
        credentials: names.pgBackupCreds,
      }),
      secrets: [
        {
          namespace: names.namespace,
          name: names.pgAppSecret,
          keys: ['uri', 'username', 'password'],
          madeBy: 'CNPG',
        },
        {
          namespace: names.namespace,
          name: names.pgBackupCreds,
          keys: ['ACCESS_KEY_ID', 'ACCESS_SECRET_KEY'],
          madeBy: 'out of band (a person, or an ExternalSecret from the vault)',
        },
      ],
      budget: [{ what: 'Postgres instances', count: db.instances, ...db.resources }],
      backups: [
        {
          object: databaseBackupTarget(w.name),
          note: `base backup ${db.schedule} (six-field cron), kept ${db.retention}, WAL archived continuously (${db.backup.method}); \`ultron backup ${w.name}\` takes one now, \`ultron restore ${w.name} --to <time>\` recovers into a new cluster`,
        },
      ],
    };
  },
  render: ({ cluster, w }) => {
    const names = appNames(w.name);
    const db = databaseOptions(cluster, w);
    if (!db) return {};
    return {
      folder: {
        dir: databaseDir(w.name),
        application: databaseApplication(cluster, w),
        namespace: names.namespace,
        objects: postgresObjects(cluster, db),
      },
      objects: [
        postgresPodMonitor(cluster, db),
        ...postgresNetworkPolicies(cluster, {
          pgCluster: names.pgCluster,
          siblings: [names.pgRestoreCluster],
          namespace: names.namespace,
          labels: commonLabels(w.name, 'network-policy'),
          clients: {
            podSelector: { [LABELS.dbClient]: 'true' },
            reason: 'the app and its migrations Job open connections to their database',
          },
        }),
      ],
    };
  },
};
