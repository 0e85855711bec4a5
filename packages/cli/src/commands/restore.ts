import { Cluster, type ICluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import type { IExternalCluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ExternalCluster';
import { appNames } from '@ultron/platform';
import { appDatabase, databaseBackup } from '../lib/database.ts';
import { EXIT, type ExitCode, usageError } from '../lib/exit.ts';
import { emitManifest, renderManifest } from '../lib/manifest-output.ts';
import { Ui } from '../lib/ui.ts';

export interface RestoreOptions {
  to: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function targetTime(value: string): string {
  if (!RFC3339.test(value) || Number.isNaN(Date.parse(value)))
    throw usageError(`--to ${value} is not an RFC 3339 time with a zone`, 'e.g. --to 2026-11-26T09:30:00Z');
  return value;
}

/**
 * Point-in-time recovery, never in place: a NEW cluster `<app>-pg-restore` bootstrapped from the object
 * store up to `--to`, sized like `<app>-pg`, without backups of its own (it would otherwise archive into
 * the store it reads). The original keeps running until the app is repointed.
 */
export async function restore(app: string, options: RestoreOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const time = targetTime(options.to);
  const db = appDatabase(app);
  const names = appNames(app);
  const name = appNames(app).pgRestoreCluster;
  const spec = db.cluster.spec;
  const initdb = (spec.bootstrap as { initdb?: { database?: string; owner?: string } } | undefined)?.initdb;
  const copy = (field: string) => (spec[field] === undefined ? {} : { [field]: spec[field] });
  const object = new Cluster({
    metadata: { name, namespace: names.namespace, labels: db.cluster.metadata.labels ?? {} },
    spec: {
      instances: spec.instances as number,
      ...copy('imageName'),
      ...copy('primaryUpdateStrategy'),
      ...copy('postgresql'),
      ...copy('storage'),
      ...copy('resources'),
      ...copy('env'),
      ...copy('inheritedMetadata'),
      bootstrap: {
        recovery: {
          source: names.pgCluster,
          ...(initdb?.database ? { database: initdb.database } : {}),
          ...(initdb?.owner ? { owner: initdb.owner } : {}),
          recoveryTarget: { targetTime: time },
        },
      },
      // Where the source's backups are, as the database capability reads them from its rendered spec.
      externalClusters: [databaseBackup.recoverySource(app, spec, db.method) as IExternalCluster],
    } as ICluster['spec'], // the copied fields come from the rendered source, so they have these types
  });
  if (!ui.json && Date.parse(time) > Date.now())
    ui.note(
      ui.paint(
        'warn',
        `! ${time} is in the future: recovery will replay every WAL and then fail to reach it`,
        process.stderr,
      ),
    );
  const yaml = renderManifest(
    [object],
    `Point-in-time recovery of ${names.namespace}/${names.pgCluster} to ${time}, from \`ultron restore ${app}\`. A new cluster: apply it, do not commit it.`,
  );
  const ns = names.namespace;
  emitManifest(
    ui,
    yaml,
    object,
    (apply) => [
      apply,
      `kubectl -n ${ns} wait cluster/${name} --for=condition=Ready --timeout=60m   # watch: kubectl -n ${ns} get cluster ${name} -w`,
      `check the data: kubectl -n ${ns} exec -it ${name}-1 -- psql -d ${initdb?.database ?? app}`,
      `repoint ${app}: it reads DB_URL from Secret ${names.pgAppSecret} (key uri); the restored database's is Secret ${name}-app (service ${name}-rw). Make the switch in Git (workloads/${app}/workload.ts), render, review with \`pnpm ultron diff\`, push`,
      `${name} takes no backups: once ${app} runs on it, give it the backup settings of ${names.pgCluster} in Git, and delete ${names.pgCluster} only after its first backup completed`,
    ],
    options.out,
    options.force,
  );
  return EXIT.ok;
}
