import type { Cluster } from '../cluster/schema.js';

/** How one database ships WAL and base backups, and which archive generation it writes to. */
export interface PostgresBackup {
  method: 'plugin' | 'barmanObjectStore';
  /** Name of the plugin's ObjectStore (used with `method: 'plugin'`). */
  objectStore: string;
  /** The archive folder this cluster writes to (see `archiveServerName`). */
  generation: number;
  /** Create the cluster from this older generation's archive instead of `initdb` (disaster recovery). */
  recoverFrom?: number;
}

/**
 * The Barman server name, i.e. the folder in the bucket, of a cluster's archive generation. Generation 1 is
 * the cluster's own name (the folder every cluster has written to so far); a rebuild moves to a new, empty
 * folder, because CNPG's empty-archive check stops WAL archiving into a folder another server wrote.
 */
export function archiveServerName(cluster: string, generation: number): string {
  return generation === 1 ? cluster : `${cluster}-gen${generation}`;
}

/** The cluster definition's backup settings for one database, with its ObjectStore's name. */
export function clusterBackup(
  cluster: Cluster,
  objectStore: string,
  method?: PostgresBackup['method'],
): PostgresBackup {
  const b = cluster.backups;
  return {
    method: method ?? b.method,
    objectStore,
    generation: b.generation,
    ...(b.recoverFrom === undefined ? {} : { recoverFrom: b.recoverFrom }),
  };
}
