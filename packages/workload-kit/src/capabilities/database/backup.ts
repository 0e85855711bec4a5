import { apiVersions, appNames, BARMAN_CLOUD_PLUGIN } from '@ultron/platform/core';

/** The backup methods CNPG offers: its deprecated in-tree object store, or the Barman Cloud plugin. */
export type BackupMethod = 'barmanObjectStore' | 'plugin';

/** The rendered CNPG Cluster `<app>-pg` holding the app's data: derived from the name, so runbooks can name it. */
export function databaseBackupTarget(app: string) {
  const names = appNames(app);
  return { apiVersion: apiVersions.cnpg, kind: 'Cluster', namespace: names.namespace, name: names.pgCluster };
}

/** How a rendered Cluster is backed up, read from its spec; null when it is not. */
export function backupMethodOf(spec: Record<string, unknown>): BackupMethod | null {
  if ((spec.backup as { barmanObjectStore?: unknown } | undefined)?.barmanObjectStore)
    return 'barmanObjectStore';
  return Array.isArray(spec.plugins) && spec.plugins.length ? 'plugin' : null;
}

/**
 * Where a rendered Cluster's backups are, as an external cluster a recovery can read: the same object
 * store settings (and credentials), in the folder the source archives to (its serverName, by default its
 * own name).
 */
export function recoverySourceOf(app: string, spec: Record<string, unknown>, method: BackupMethod) {
  const source = appNames(app).pgCluster;
  if (method === 'barmanObjectStore') {
    const store = (spec.backup as { barmanObjectStore: { serverName?: string } & Record<string, unknown> })
      .barmanObjectStore;
    return { name: source, barmanObjectStore: { ...store, serverName: store.serverName ?? source } };
  }
  const plugin = (spec.plugins as { name: string; parameters?: Record<string, unknown> }[]).find(
    (p) => p.name === BARMAN_CLOUD_PLUGIN,
  );
  return {
    name: source,
    plugin: {
      name: BARMAN_CLOUD_PLUGIN,
      parameters: { ...plugin?.parameters, serverName: (plugin?.parameters?.serverName as string) ?? source },
    },
  };
}
