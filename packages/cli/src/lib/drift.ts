import { relative, sep } from 'node:path';
import { readCommittedFolder } from './git.ts';
import { type FreshRender, renderAll } from './render-all.ts';
import type { Repo } from './repo.ts';
import { compareTrees, type FileChange, readWorkingFolder } from './tree-diff.ts';

export interface Drift {
  /** `gitops` — how the tree's folder is shown in paths. */
  treeLabel: string;
  /** What the render was compared with: `working tree` or a git ref. */
  base: string;
  changes: FileChange[];
  failures: FreshRender['failures'];
}

/**
 * A fresh in-memory render compared with the tree on disk, or with the tree committed at `baseRef` (what CI
 * wants: after `pnpm turbo build` has rewritten the working tree, only the commit still shows drift).
 */
export async function computeDrift(repo: Repo, baseRef?: string): Promise<Drift> {
  const render = await renderAll(repo);
  const base = baseRef
    ? readCommittedFolder(repo.root, baseRef, repo.treeDir)
    : readWorkingFolder(repo.treeDir);
  const known = new Set(render.workspaces.map((w) => w.source));
  // A workspace that failed to render would look as if it had deleted all its files; leave its files out.
  const failed = new Set(render.failures.map((f) => f.source));
  const changes = compareTrees(render.files, base, known).filter(
    (c) => !(c.status === 'removed' && failed.has(c.source)),
  );
  return {
    treeLabel: relative(repo.root, repo.treeDir).split(sep).join('/') || '.',
    base: baseRef ?? 'working tree',
    changes,
    failures: render.failures,
  };
}
