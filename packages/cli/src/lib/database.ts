import { appNames, type PlainManifest } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { listApps } from './apps.ts';
import { problemsError, usageError } from './exit.ts';
import { openRepo, type Repo, requireApp, requireTree } from './repo.ts';

export const CNPG_API = 'postgresql.cnpg.io/v1';

/** Derived names the day-2 commands add to the app's: deterministic, so runbooks can name them. */
export interface AppDatabase {
  repo: Repo;
  app: string;
  /** The rendered CNPG Cluster `<app>-pg`, exactly as committed. */
  cluster: PlainManifest & { spec: Record<string, unknown> };
  /** How its backups are taken: in-tree barmanObjectStore or the Barman Cloud plugin. */
  method: 'barmanObjectStore' | 'plugin';
}

/** The app's rendered database, or an error saying why there is none to back up or restore. */
export function appDatabase(app: string): AppDatabase {
  const repo = openRepo();
  requireApp(repo, app, listApps(repo));
  const names = appNames(app);
  const found = loadTree(requireTree(repo)).find(
    ({ manifest: m }) =>
      m.apiVersion === CNPG_API &&
      m.kind === 'Cluster' &&
      m.metadata.name === names.pgCluster &&
      m.metadata.namespace === names.namespace,
  );
  if (!found)
    throw usageError(
      `${app} has no database: no CNPG Cluster ${names.namespace}/${names.pgCluster} in the rendered tree`,
      'enable `database` in its workload.ts and run `pnpm turbo build`',
    );
  const cluster = found.manifest as AppDatabase['cluster'];
  const spec = cluster.spec;
  const method = (spec.backup as { barmanObjectStore?: unknown } | undefined)?.barmanObjectStore
    ? 'barmanObjectStore'
    : Array.isArray(spec.plugins) && spec.plugins.length
      ? 'plugin'
      : null;
  if (!method)
    throw problemsError(
      `${names.pgCluster} has no backups configured (neither barmanObjectStore nor a plugin)`,
    );
  return { repo, app, cluster, method };
}
