import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { TREE_DIR } from '../conventions/layout.js';

/** The monorepo root: the nearest folder above `from` holding `pnpm-workspace.yaml`. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`no pnpm-workspace.yaml above ${from}: run this inside the gitops repo`);
    dir = parent;
  }
}

/** Where the rendered tree lives; `ULTRON_TREE_DIR` redirects it (tests, benchmarks, previews). */
export function treeRoot(repoRoot: string): string {
  return process.env.ULTRON_TREE_DIR ? resolve(process.env.ULTRON_TREE_DIR) : join(repoRoot, TREE_DIR);
}

/** A workspace's name in headers and messages: its folder relative to the repo, e.g. `workloads/penvoice`. */
export function workspaceSource(repoRoot: string, workspaceDir: string): string {
  return relative(repoRoot, workspaceDir).split(sep).join('/') || '.';
}
