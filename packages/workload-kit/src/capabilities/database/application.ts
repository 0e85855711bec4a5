import {
  application,
  appNames,
  type Cluster,
  commonLabels,
  treeSource,
  WAVES,
  workloadDir,
} from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';

/** Where the database objects live: their own folder, synced by their own Application. */
export function databaseDir(app: string): string {
  return `${workloadDir(app)}/database`;
}

/**
 * The database's own Application, one wave before the app: on a fresh cluster the CNPG secret
 * `<app>-pg-app` exists before the app's PreSync migrations read it, and an app sync can never prune
 * the database. It also creates the namespace, so it carries the Namespace object.
 */
export function databaseApplication(cluster: Cluster, w: Workload) {
  const names = appNames(w.name);
  return application({
    name: `${names.application}-db`,
    project: names.project,
    namespace: names.namespace,
    wave: WAVES.workloads - 1,
    sources: [treeSource(cluster, databaseDir(w.name))],
    serverSideApply: true,
    createNamespace: true,
    labels: commonLabels(w.name, 'database'),
  });
}
