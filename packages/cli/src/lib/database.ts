import type { PlainManifest } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { type BackupMethod, databaseCapability } from '@ultron/workload-kit';
import { listApps } from './apps.ts';
import { problemsError, usageError } from './exit.ts';
import { openRepo, type Repo, requireApp, requireTree } from './repo.ts';

/** What the kit's database capability says about reading its backed-up data from the committed tree. */
export const databaseBackup = databaseCapability.backup;

/** Derived names the day-2 commands add to the app's: deterministic, so runbooks can name them. */
export interface AppDatabase {
  repo: Repo;
  app: string;
  /** The rendered CNPG Cluster `<app>-pg`, exactly as committed. */
  cluster: PlainManifest & { spec: Record<string, unknown> };
  /** How its backups are taken: in-tree barmanObjectStore or the Barman Cloud plugin. */
  method: BackupMethod;
}

/** The app's rendered database, or an error saying why there is none to back up or restore. */
export function appDatabase(app: string): AppDatabase {
  const repo = openRepo();
  requireApp(repo, app, listApps(repo));
  const target = databaseBackup.target(app);
  const found = loadTree(requireTree(repo)).find(
    ({ manifest: m }) =>
      m.apiVersion === target.apiVersion &&
      m.kind === target.kind &&
      m.metadata.name === target.name &&
      m.metadata.namespace === target.namespace,
  );
  if (!found)
    throw usageError(
      `${app} has no database: no CNPG Cluster ${target.namespace}/${target.name} in the rendered tree`,
      'enable `database` in its workload.ts and run `pnpm turbo build`',
    );
  const cluster = found.manifest as AppDatabase['cluster'];
  const method = databaseBackup.method(cluster.spec);
  if (!method)
    throw problemsError(`${target.name} has no backups configured (neither barmanObjectStore nor a plugin)`);
  return { repo, app, cluster, method };
}
