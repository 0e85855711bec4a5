#!/usr/bin/env node
/**
 * `ultron`: the operator's command line. Each command's module is imported only when that command runs,
 * so `ultron --help` and small commands never pay for the render engine, the CRD compiler or the prompts.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CliError, EXIT } from './lib/exit.ts';
import { MARKS } from './lib/ui.ts';

type Exit = Promise<number>;

/** Runs a command body and turns every expected failure into a message and its documented exit code. */
async function execute(body: () => Exit): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    const { styleText } = await import('node:util');
    const red = (t: string) => styleText('red', t, { stream: process.stderr });
    if (error instanceof CliError) {
      process.stderr.write(`${red(MARKS.fail)} ${error.message}\n`);
      if (error.hint) process.stderr.write(`  ${MARKS.info} ${error.hint}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const { formatProblems, isUserError } = await import('@ultron/platform');
    if (isUserError(error)) {
      process.stderr.write(
        `${red(MARKS.fail)} ${error.message.split('\n')[0]}\n${formatProblems(error.problems)}\n`,
      );
      process.exitCode = EXIT.problems;
      return;
    }
    process.stderr.write(
      `${red(MARKS.fail)} ultron failed unexpectedly; please report this:\n${(error as Error).stack ?? error}\n`,
    );
    process.exitCode = EXIT.bug;
  }
}

/**
 * What `--version` reports: the packages that decide what gets rendered. The CLI itself is a private
 * workspace (always 0.0.0); the platform and the kit are the versioned, published ones.
 */
function version(): string {
  const of = (specifier: string) => {
    try {
      const file = new URL(import.meta.resolve(specifier));
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  const platform = of('@ultron/platform/package.json');
  return `ultron ${platform} (@ultron/platform ${platform}, @ultron/workload-kit ${of('@ultron/workload-kit/package.json')}, Node ${process.versions.node})`;
}

const json = () => new Option('--json', 'print the result as JSON on stdout');

function program(): Command {
  const cli = new Command('ultron')
    .description(
      'Operate the Ultron gitops repo: scaffold apps, deploy images, validate, review and run day 2.',
    )
    .version(version(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 ok · 1 problems found · 2 usage error · 3 something needed is unavailable (git, kubectl, CRDs) · 70 bug · 130 cancelled
Run as \`pnpm ultron <command>\` from the repo; \`pnpm --silent ultron …\` when piping its output.`,
    );

  cli
    .command('new')
    .description('add an app workspace under workloads/<app> (prompts on a terminal, flags otherwise)')
    .argument('[app]', 'the app name: lowercase letters, digits and dashes; also its namespace')
    .option('--domain <domain>', "the app's own domain; its API is served at api.<domain>")
    .option('--tag <version>', 'the first image to run: sha-<git sha> or sha256:<digest>')
    .option('--owner <owner>', 'GHCR owner of ghcr.io/<owner>/<app> (default: the cluster’s imageOwner)')
    .option('--port <port>', 'the port the API listens on', '8080')
    .option('--no-database', 'no CNPG Postgres (and so no migrations Job)')
    .option(
      '--app-repo <dir>',
      "also write the app repository's Dockerfile, .dockerignore and build workflow",
    )
    .option('--force', 'overwrite existing files in --app-repo')
    .addOption(json())
    .action((app, options) => execute(async () => (await import('./commands/new.ts')).newApp(app, options)));

  const image = cli.command('image').description("change an app's image");
  image
    .command('set')
    .description("pin an app's image to a new tag or digest (one source line) and re-render that app")
    .argument('<app>', 'the app, e.g. penvoice')
    .argument('<version>', 'sha-<git sha> tag or sha256:<digest>; never latest')
    .addOption(json())
    .action((app, version, options) =>
      execute(async () => (await import('./commands/image-set.ts')).imageSet(app, version, options)),
    );

  const realm = cli.command('realm').description("an app's Keycloak realm");
  realm
    .command('diff')
    .description(
      'what the next realm sync deletes and creates (clients, roles, mappers, redirect URIs), before you push',
    )
    .argument('<app>', 'the app, e.g. penvoice')
    .option('--base <ref>', 'the definition the cluster syncs now (default: HEAD)')
    .addOption(json())
    .action((app, options) =>
      execute(async () => (await import('./commands/realm-diff.ts')).realmDiff(app, options)),
    );

  cli
    .command('assemble')
    .description(
      'the last step of `pnpm turbo build`: check the whole tree from every staged slice, then swap it in',
    )
    .addOption(json())
    .action((options) => execute(async () => (await import('./commands/assemble.ts')).assemble(options)));

  cli
    .command('validate')
    .description(
      'check every rendered object against the pinned CRDs, the cross-object rules and the policies',
    )
    .option('--crds <dir>', 'a folder of the pinned CRDs (default: $ULTRON_CRDS_DIR, else a cached download)')
    .addOption(json())
    .action((options) => execute(async () => (await import('./commands/validate.ts')).validate(options)));

  cli
    .command('audit')
    .description(
      'security report of the rendered tree: Pod Security, policies and public hosts per namespace, cluster-wide rights, rule bypasses',
    )
    .addOption(json())
    .addHelpText(
      'after',
      '\nExit 1 when a finding is not accepted, with its reason, in the cluster definition (audit.accept).',
    )
    .action((options) => execute(async () => (await import('./commands/audit.ts')).audit(options)));

  cli
    .command('diff')
    .description('show what a fresh render changes in the tree, per app, as unified diffs')
    .option('--base <ref>', 'compare with the tree committed at this git ref instead of the working tree')
    .option('--markdown', 'one section per app with a ```diff block, for pull request comments')
    .addOption(json())
    .action((options) => execute(async () => (await import('./commands/diff.ts')).diff(options)));

  cli
    .command('check')
    .description('exit 1 when the tree is not exactly a fresh render (changed, missing or orphaned files)')
    .option('--base <ref>', 'check the tree committed at this git ref (CI: HEAD) instead of the working tree')
    .addOption(json())
    .action((options) => execute(async () => (await import('./commands/check.ts')).check(options)));

  cli
    .command('secrets')
    .description(
      'what to provide for every Secret the tree reads: the OCI Vault values (with the oci commands) or the kubectl runbook',
    )
    .option(
      '--check',
      'compare with the live cluster (read-only, `kubectl get secret`); exit 1 when any is missing',
    )
    .option('--context <name>', 'kubectl context for --check')
    .addOption(json())
    .action((options) => execute(async () => (await import('./commands/secrets.ts')).secrets(options)));

  cli
    .command('hosts')
    .description('every public host the tree serves: each needs a DNS A record to the node before TLS works')
    .addOption(json())
    .action((options) => execute(async () => (await import('./commands/hosts.ts')).hosts(options)));

  cli
    .command('backup')
    .description("print an on-demand CNPG Backup of an app's database, with the next steps")
    .argument('<app>', 'the app whose <app>-pg cluster to back up')
    .option('--timestamp <unix seconds>', 'the time in the name <app>-pg-manual-<time> (default: now)')
    .option('--out <file>', 'write the manifest to a new file instead of stdout (never into gitops/)')
    .option('--force', 'let --out overwrite an existing file or write into the rendered tree')
    .addOption(json())
    .action((app, options) =>
      execute(async () => (await import('./commands/backup.ts')).backup(app, options)),
    );

  cli
    .command('restore')
    .description('print a NEW cluster <app>-pg-restore recovered from the backups to a point in time')
    .argument('<app>', 'the app whose <app>-pg backups to recover from')
    .requiredOption('--to <time>', 'the recovery target, RFC 3339 with a zone, e.g. 2026-11-26T09:30:00Z')
    .option('--out <file>', 'write the manifest to a new file instead of stdout (never into gitops/)')
    .option('--force', 'let --out overwrite an existing file or write into the rendered tree')
    .addOption(json())
    .action((app, options) =>
      execute(async () => (await import('./commands/restore.ts')).restore(app, options)),
    );

  cli
    .command('budget')
    .description("requests and limits of everything rendered, per namespace, against the nodes' capacity")
    .addOption(json())
    .action((options) => execute(async () => (await import('./commands/budget.ts')).budget(options)));

  return cli;
}

// `ultron diff | head`: a reader that stops early is not an error (what git and coreutils do too).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

try {
  await program().parseAsync(process.argv);
} catch (error) {
  // Commander has printed its own message; help and --version are not errors.
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
}
