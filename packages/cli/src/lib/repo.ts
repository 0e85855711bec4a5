import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findRepoRoot, treeRoot, workloadDir } from '@ultron/platform';
import { environmentError, usageError } from './exit.ts';

/** The cluster definition every workspace renders against (the README's layout: `cluster/cluster.ts`). */
export const CLUSTER_DEFINITION = 'cluster/cluster.ts';

/** Where a command works: the gitops repo's root and its rendered tree. */
export interface Repo {
  root: string;
  /** `gitops/` (or `ULTRON_TREE_DIR`). */
  treeDir: string;
}

/**
 * The directory the user typed the command in. `pnpm ultron` runs root scripts from the repo root, but
 * keeps the caller's folder in INIT_CWD; relative paths on the command line are meant from there.
 */
export function invocationDir(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

/** Resolves a path the user typed. */
export function userPath(path: string): string {
  return resolve(invocationDir(), path);
}

export function openRepo(): Repo {
  let root: string;
  try {
    root = findRepoRoot(invocationDir());
  } catch (error) {
    throw environmentError((error as Error).message);
  }
  return { root, treeDir: treeRoot(root) };
}

/** The rendered tree must exist before commands that read it. */
export function requireTree(repo: Repo): string {
  if (!existsSync(repo.treeDir)) {
    throw environmentError(`no rendered tree at ${repo.treeDir}`, 'run `pnpm turbo build` first');
  }
  return repo.treeDir;
}

/**
 * An app's source workspace. The repo mirrors the rendered tree, so the source folder of app `x` is the
 * same relative path as its rendered folder: `workloads/x`.
 */
export function appWorkspace(repo: Repo, app: string): { dir: string; definition: string } {
  const dir = join(repo.root, workloadDir(app));
  return { dir, definition: join(dir, 'workload.ts') };
}

/** The app's workspace, or a usage error naming the apps that do exist. */
export function requireApp(
  repo: Repo,
  app: string,
  known: readonly string[],
): ReturnType<typeof appWorkspace> {
  const ws = appWorkspace(repo, app);
  if (!existsSync(ws.definition)) {
    throw usageError(
      `no app "${app}" in this repo (no ${workloadDir(app)}/workload.ts)`,
      known.length ? `apps: ${known.join(', ')}` : 'create one with `ultron new <app>`',
    );
  }
  return ws;
}
