import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, readStagedSlice } from '@ultron/platform';

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

/**
 * Every rendering workspace through `ultron-render` (extra `env` on top): each stages its slice in its own
 * folder; the result is every staged file, tree path → bytes (what the assemble step would write).
 */
export function renderAll(env: NodeJS.ProcessEnv = {}): Record<string, string> {
  const files: Record<string, string> = {};
  for (const ws of renderingWorkspaces()) {
    execFileSync(process.execPath, [renderBin, ws.entry], { cwd: ws.dir, env: { ...process.env, ...env } });
    const staged = readStagedSlice(ws.dir);
    if (!staged) throw new Error(`${ws.dir}: nothing staged`);
    for (const [path, text] of staged.files) files[path] = text;
  }
  return files;
}
