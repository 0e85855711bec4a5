import { parseArgs } from 'node:util';
import { runBootstrap } from '../components/bootstrap/execute.js';

const USAGE = `usage: ultron-bootstrap [--dry-run] [--skip-repo-credential]

Installs the platform's Helm layer, registers the gitops repository with Argo CD and applies the root
app, against the current kube context, following gitops/bootstrap/plan.yaml (render it first with
\`pnpm turbo build\`). The repository token is read from $ULTRON_GITOPS_TOKEN.

  --dry-run               print the exact ordered commands, run nothing
  --skip-repo-credential  do not create the repository Secret (public repo, or already registered)`;

let values: { 'dry-run'?: boolean; 'skip-repo-credential'?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean' },
      'skip-repo-credential': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
} else {
  process.exitCode = await runBootstrap({
    dryRun: values['dry-run'] ?? false,
    skipRepoCredential: values['skip-repo-credential'] ?? false,
  });
}
