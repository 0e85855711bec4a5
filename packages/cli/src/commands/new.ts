import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isUserError, type Problem, workloadDir } from '@ultron/platform';
import { parseWorkload } from '@ultron/workload-kit';
import { loadCluster, repoSlug } from '../lib/cluster.ts';
import { CliError, EXIT, type ExitCode, usageError } from '../lib/exit.ts';
import { existing, writeFilesAtomically } from '../lib/files.ts';
import { pinned, versionProblem } from '../lib/image-ref.ts';
import { CLUSTER_DEFINITION, openRepo, userPath } from '../lib/repo.ts';
import { appRepoFiles } from '../lib/scaffold/app-repo.ts';
import { type NewApp, workspaceFiles } from '../lib/scaffold/workspace.ts';
import { type Taken, takenNamesAndHosts } from '../lib/taken.ts';
import { Ui } from '../lib/ui.ts';

export interface NewOptions {
  domain?: string;
  tag?: string;
  owner?: string;
  port: string;
  database: boolean;
  appRepo?: string;
  force?: boolean;
  json?: boolean;
}

/** The image registry of the platform's recipe: `ghcr.io/<owner>/<app>`. */
const REGISTRY = 'ghcr.io';

/** The kit's own verdict on a field: its schema is the one definition of a valid name, domain or image. */
function kitProblem(
  input: { name: string; domain: string; image: string; port: number },
  field: string,
): string | null {
  try {
    parseWorkload(input);
    return null;
  } catch (error) {
    if (!isUserError(error)) throw error;
    const p = error.problems.find((x: Problem) => x.path === `workload.${field}`);
    return p ? `${p.message}${p.hint ? ` (${p.hint})` : ''}` : null;
  }
}

/** Placeholders that pass the kit, so each field is checked on its own. */
const PROBE = {
  name: 'probe',
  domain: 'probe.example.com',
  image: `${REGISTRY}/probe/probe:sha-0000000`,
  port: 8080,
};

class Checks {
  readonly #taken: Taken;
  readonly #root: string;

  constructor(taken: Taken, root: string) {
    this.#taken = taken;
    this.#root = root;
  }

  name(name: string): string | null {
    const kit = kitProblem({ ...PROBE, name }, 'name');
    if (kit) return kit;
    const by = this.#taken.names.get(name);
    if (by) return `"${name}" is taken by ${by}`;
    return existsSync(`${this.#root}/${workloadDir(name)}`) ? `${workloadDir(name)} already exists` : null;
  }

  domain(domain: string): string | null {
    const kit = kitProblem({ ...PROBE, domain }, 'domain');
    if (kit) return kit;
    const owner = this.#taken.domains.get(domain);
    if (owner) return `${domain} is the domain of ${owner}`;
    for (const host of [domain, `api.${domain}`]) {
      const by = this.#taken.hosts.get(host);
      if (by) return `${host} is already served by ${by}`;
    }
    return null;
  }

  tag(tag: string): string | null {
    return versionProblem(tag);
  }

  port(port: string): string | null {
    return /^[0-9]+$/.test(port)
      ? kitProblem({ ...PROBE, port: Number(port) }, 'port')
      : 'must be a number, e.g. 8080';
  }
}

interface Answers {
  name: string;
  domain: string;
  tag: string;
}

/** On a terminal, asks for whatever the flags did not give, checking each answer as it is typed. */
async function ask(given: Partial<Answers>, checks: Checks): Promise<Answers> {
  const p = await import('@clack/prompts');
  p.intro('ultron new');
  const answer = async (message: string, placeholder: string, check: (v: string) => string | null) => {
    const value = await p.text({ message, placeholder, validate: (v) => check(v ?? '') ?? undefined });
    if (p.isCancel(value)) {
      p.cancel('nothing was written');
      throw new CliError(EXIT.interrupted, 'cancelled');
    }
    return value;
  };
  const name = given.name ?? (await answer('App name (also its namespace)', 'my-app', (v) => checks.name(v)));
  const domain =
    given.domain ??
    (await answer(`Domain of ${name} (its API is api.<domain>)`, `${name}.com`, (v) => checks.domain(v)));
  const tag =
    given.tag ??
    (await answer('First image tag to run (what app CI pushed)', 'sha-3f9c2a1', (v) => checks.tag(v)));
  p.outro(`creating ${workloadDir(name)}`);
  return { name, domain, tag };
}

/**
 * Adds an app: `workloads/<app>/` with a short definition, so `pnpm install && pnpm turbo build` renders it
 * with no other edit; with `--app-repo`, also the app repository's Dockerfile and build workflow.
 */
export async function newApp(nameArg: string | undefined, options: NewOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const cluster = await loadCluster(repo.root);
  const checks = new Checks(await takenNamesAndHosts(repo), repo.root);
  const given = { name: nameArg, domain: options.domain, tag: options.tag };

  let answers: Answers;
  if (ui.interactive && (!given.name || !given.domain || !given.tag)) {
    answers = await ask(
      Object.fromEntries(Object.entries(given).filter(([k, v]) => v && !checks[k as keyof Answers](v))),
      checks,
    );
  } else {
    const missing = [!given.name && '<app>', !given.domain && '--domain', !given.tag && '--tag'].filter(
      Boolean,
    );
    if (missing.length)
      throw usageError(
        `missing ${missing.join(', ')} (no terminal to ask on)`,
        'e.g. ultron new demo --domain demo.example.com --tag sha-3f9c2a1',
      );
    answers = given as Answers;
  }

  const problems = [
    ['<app>', checks.name(answers.name)],
    ['--domain', checks.domain(answers.domain)],
    ['--tag', checks.tag(answers.tag)],
    ['--port', checks.port(options.port)],
  ].filter((p): p is [string, string] => Boolean(p[1]));
  if (problems.length)
    throw usageError(problems.map(([flag, message]) => `${flag}: ${message}`).join('\n  '));

  const repository = `${REGISTRY}/${options.owner ?? cluster.imageOwner}/${answers.name}`;
  const app: NewApp = {
    name: answers.name,
    domain: answers.domain,
    image: pinned(repository, answers.tag),
    port: Number(options.port),
    database: options.database,
  };
  // The whole definition once more, as the build will see it (e.g. an --owner the kit rejects).
  const whole = kitProblem(app, 'image');
  if (whole) throw usageError(`--owner: ${whole}`);

  const files = workspaceFiles(app, repo.root, dirname(CLUSTER_DEFINITION));
  // Every refusal comes before the first write: an app repo that already has a Dockerfile must not leave
  // a half-onboarded workspace behind.
  const appRepo = options.appRepo
    ? {
        dir: userPath(options.appRepo),
        files: appRepoFiles({ app, repository, gitopsRepo: repoSlug(cluster) }),
      }
    : undefined;
  if (appRepo && !options.force) {
    const clash = existing(appRepo.dir, appRepo.files.keys());
    if (clash.length)
      throw usageError(
        `${options.appRepo} already has ${clash.join(', ')}; nothing was written`,
        'pass --force to overwrite them',
      );
  }
  const written = await writeFilesAtomically(repo.root, files);
  const appRepoWritten = appRepo
    ? (await writeFilesAtomically(appRepo.dir, appRepo.files)).map((f) => join(options.appRepo!, f))
    : [];

  const next = [
    'pnpm install && pnpm turbo build',
    `pnpm ultron secrets   # what ${app.name} needs created out of band`,
    `git add ${workloadDir(app.name)} gitops pnpm-lock.yaml && git commit -m "feat(${app.name}): onboard"`,
  ];
  if (ui.json) {
    ui.printJson({ app, written, appRepo: appRepoWritten, next });
    return EXIT.ok;
  }
  ui.mark('ok', `created ${workloadDir(app.name)}/ (${written.map((f) => f.split('/').pop()).join(', ')})`);
  if (appRepoWritten.length) {
    ui.mark('ok', `wrote ${appRepoWritten.join(', ')}`);
    ui.out(
      `  the app repo needs the secret GITOPS_DISPATCH_TOKEN: a token allowed to write ${repoSlug(cluster)}'s contents`,
    );
  }
  ui.out('next:');
  for (const n of next) ui.out(`  ${n}`);
  return EXIT.ok;
}
