import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatProblems } from '../../errors/problem.js';
import { problemsFromZod } from '../../errors/zod.js';
import { findRepoRoot, treeRoot } from '../../render/repo.js';
import { BOOTSTRAP_FILES, fromRepoRoot } from './files.js';
import {
  type BootstrapPlan,
  type BootstrapStep,
  bootstrapPlanSchema,
  formatStep,
  REPO_CREDENTIAL,
} from './plan.js';

export interface CommandResult {
  code: number;
  stdout: string;
  /** Why the command could not run at all (not installed…), when it could not. */
  failure?: string;
}

/** Runs one program directly (no shell). `capture` keeps stdout instead of streaming it to the terminal. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; capture?: boolean },
) => Promise<CommandResult>;

export const execFileRunner: CommandRunner = (command, args, { cwd, env, input, capture }) =>
  new Promise((resolve) => {
    const child = execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (!error) return resolve({ code: 0, stdout });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        resolve({ code: 127, stdout, failure: `${command} is not installed or not on PATH` });
      else resolve({ code: typeof code === 'number' ? code : (child.exitCode ?? 1), stdout });
    });
    if (!capture) child.stdout?.pipe(process.stdout);
    child.stderr?.pipe(process.stderr);
    child.stdin?.end(input ?? '');
  });

export interface BootstrapOptions {
  /** Anywhere inside the gitops repository; the plan is read from its rendered tree. */
  cwd?: string;
  dryRun?: boolean;
  /** For a public repository, or one already registered with Argo CD. */
  skipRepoCredential?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  error?: (line: string) => void;
  run?: CommandRunner;
}

/** The Argo CD repository Secret, built in memory and piped to kubectl: the token never touches disk. */
export function repositoryCredential(url: string, username: string, token: string): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: REPO_CREDENTIAL.secret,
      namespace: REPO_CREDENTIAL.namespace,
      labels: REPO_CREDENTIAL.label,
    },
    type: 'Opaque',
    stringData: { type: 'git', url, username, password: token },
  });
}

/** Files a step reads (values files, manifests), relative to the repository root. */
function filesOf(step: BootstrapStep): string[] {
  return step.args.flatMap((arg, i) => {
    const previous = step.args[i - 1];
    return (previous === '--values' || previous === '-f') && arg !== '-' ? [arg] : [];
  });
}

function loadPlan(repoRoot: string): { plan: BootstrapPlan } | { problems: string } {
  const file = join(treeRoot(repoRoot), ...BOOTSTRAP_FILES.plan.split('/'));
  if (!existsSync(file)) {
    return { problems: `no bootstrap plan at ${file}\n      → run \`pnpm turbo build\` first` };
  }
  const parsed = bootstrapPlanSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    return { problems: formatProblems(problemsFromZod(fromRepoRoot(BOOTSTRAP_FILES.plan), parsed.error)) };
  const missing = parsed.data.steps.flatMap(filesOf).filter((f) => !existsSync(join(repoRoot, f)));
  if (missing.length > 0) {
    return {
      problems: missing
        .map((f) => `  ✗ ${f}: is missing\n      → run \`pnpm turbo build\` to render it`)
        .join('\n'),
    };
  }
  return { plan: parsed.data };
}

/**
 * Performs the bootstrap against the current kube context: every step of the rendered plan, in order,
 * stopping at the first failure (each step is idempotent, so a rerun continues where it stopped). With
 * `dryRun`, only prints the commands. Returns the process exit code.
 */
export async function runBootstrap(options: BootstrapOptions = {}): Promise<number> {
  const log = options.log ?? ((l) => process.stdout.write(`${l}\n`));
  const error = options.error ?? ((l) => process.stderr.write(`${l}\n`));
  const env = options.env ?? process.env;
  const run = options.run ?? execFileRunner;
  const repoRoot = findRepoRoot(options.cwd);

  const loaded = loadPlan(repoRoot);
  if ('problems' in loaded) {
    error(`ultron-bootstrap: the rendered plan cannot be used:\n${loaded.problems}`);
    return 1;
  }
  const steps = loaded.plan.steps.filter(
    (s) => !(options.skipRepoCredential && s.stdin?.repositoryCredential),
  );

  if (options.dryRun) {
    log(`# Bootstrap of ${loaded.plan.cluster}: ${steps.length} steps, run from ${repoRoot}`);
    steps.forEach((s, i) => {
      log(`# ${i + 1}. ${s.title}`);
      log(formatStep(s));
    });
    return 0;
  }

  const token = env[REPO_CREDENTIAL.tokenEnv];
  if (steps.some((s) => s.stdin?.repositoryCredential) && !token) {
    error(
      `ultron-bootstrap: $${REPO_CREDENTIAL.tokenEnv} is not set\n      → export a token that can read the gitops repository, or pass --skip-repo-credential if Argo CD can already read it`,
    );
    return 1;
  }

  const context = await run('kubectl', ['config', 'current-context'], { cwd: repoRoot, env, capture: true });
  if (context.code !== 0) {
    error(
      `ultron-bootstrap: no current kube context (${context.failure ?? `kubectl exited with ${context.code}`})`,
    );
    return context.code || 1;
  }
  log(
    `ultron-bootstrap: bootstrapping ${loaded.plan.cluster} through kube context "${context.stdout.trim()}"`,
  );

  for (const [i, step] of steps.entries()) {
    log(`\n==> [${i + 1}/${steps.length}] ${step.title}\n$ ${formatStep(step)}`);
    const credential = step.stdin?.repositoryCredential;
    const input = credential
      ? repositoryCredential(
          credential.url,
          env[REPO_CREDENTIAL.usernameEnv] || REPO_CREDENTIAL.defaultUsername,
          token!,
        )
      : undefined;
    const result = await run(step.command, step.args, { cwd: repoRoot, env, ...(input ? { input } : {}) });
    if (result.code !== 0) {
      error(
        `ultron-bootstrap: step "${step.id}" failed (${result.failure ?? `exit code ${result.code}`})\n      → fix the cause and run ultron-bootstrap again: completed steps are idempotent`,
      );
      return result.code || 1;
    }
  }
  log(`\nultron-bootstrap: done. Argo CD now syncs everything else from ${fromRepoRoot('apps')}/.`);
  return 0;
}
