import { Backup } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Backup';
import { appNames, BARMAN_CLOUD_PLUGIN } from '@ultron/platform';
import { appDatabase } from '../lib/database.ts';
import { EXIT, type ExitCode, usageError } from '../lib/exit.ts';
import { emitManifest, renderManifest } from '../lib/manifest-output.ts';
import { Ui } from '../lib/ui.ts';

export interface BackupOptions {
  timestamp?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

/** The one input allowed to vary: the time in the name. Taken from the flag so output can be reproduced. */
function unixSeconds(flag: string | undefined): number {
  if (flag === undefined) return Math.floor(Date.now() / 1000);
  if (!/^[0-9]{9,11}$/.test(flag))
    throw usageError(`--timestamp ${flag} is not a Unix time in seconds`, 'e.g. --timestamp $(date +%s)');
  return Number(flag);
}

/**
 * An on-demand base backup of the app's database (`<app>-pg-manual-<unix time>`), using the method its
 * nightly backups use, printed to apply by hand: a one-off action does not belong in Git.
 */
export async function backup(app: string, options: BackupOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const db = appDatabase(app);
  const names = appNames(app);
  const name = appNames(app).pgManualBackup(unixSeconds(options.timestamp));
  const object = new Backup({
    metadata: { name, namespace: names.namespace, labels: db.cluster.metadata.labels ?? {} },
    spec: {
      cluster: { name: names.pgCluster },
      method: db.method,
      ...(db.method === 'plugin' ? { pluginConfiguration: { name: BARMAN_CLOUD_PLUGIN } } : {}),
    },
  });
  const yaml = renderManifest(
    [object],
    `On-demand backup of ${names.namespace}/${names.pgCluster}, from \`ultron backup ${app}\`. Apply it; do not commit it.`,
  );
  emitManifest(
    ui,
    yaml,
    object,
    (apply) => [
      apply,
      `kubectl -n ${names.namespace} get backup ${name} -w   # wait for phase "completed"`,
      `if it fails: kubectl -n ${names.namespace} describe backup ${name}; then \`pnpm ultron secrets --check\` (swapped Oracle keys fail here)`,
    ],
    options.out,
    options.force,
  );
  return EXIT.ok;
}
