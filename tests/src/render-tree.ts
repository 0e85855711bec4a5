import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { findRepoRoot } from '@ultron/platform';

export const repo = findRepoRoot(import.meta.dirname);
const renderBin = join(repo, 'packages/platform/bin/ultron-render.js');

/** Every workspace whose build renders a slice, with its entry file. */
export function renderingWorkspaces(): { dir: string; entry: string }[] {
  const out: { dir: string; entry: string }[] = [];
  for (const parent of ['bootstrap', 'apps', 'workloads']) {
    const dirs =
      parent === 'bootstrap'
        ? [join(repo, parent)]
        : readdirSync(join(repo, parent)).map((d) => join(repo, parent, d));
    for (const dir of dirs) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          scripts?: { build?: string };
        };
        const m = /^ultron-render (\S+)$/.exec(pkg.scripts?.build ?? '');
        if (m) out.push({ dir, entry: m[1]! });
      } catch {
        // not a workspace
      }
    }
  }
  return out;
}

/** Every rendering workspace through `ultron-render` into a fresh tree (extra `env` on top); its files. */
export function renderAll(env: NodeJS.ProcessEnv = {}): Record<string, string> {
  const root = mkdtempSync(join(tmpdir(), 'ultron-tree-'));
  for (const ws of renderingWorkspaces()) {
    execFileSync(process.execPath, [renderBin, ws.entry], {
      cwd: ws.dir,
      env: { ...process.env, ...env, ULTRON_TREE_DIR: root },
    });
  }
  return read(root);
}

/** Every file under `root`, path → content. */
export function read(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      files[relative(root, join(e.parentPath, e.name)).split(sep).join('/')] = readFileSync(
        join(e.parentPath, e.name),
        'utf8',
      );
  }
  return files;
}
