import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { workspaceSource } from './repo.js';

/**
 * A workspace whose build renders a slice of the tree: `"build": "ultron-render <entry>"` in its
 * package.json. That script is the one declaration that a workspace is part of the tree; what it owns
 * comes from its definition's name (Slice.owns), and its staged output from the shared turbo.json.
 */
export interface RenderWorkspace {
  dir: string;
  /** `workloads/penvoice`: the name in generated headers. */
  source: string;
  /** The module whose default export is the slice, relative to `dir`. */
  entry: string;
  /** The package name, e.g. `@ultron-gitops/penvoice`. */
  name: string;
}

/** `ultron-render` without an argument renders `slice.ts` (its own default). */
const RENDER_SCRIPT = /(?:^|[\s;&|])ultron-render(?:\s+([^\s;&|]+))?/;
export const DEFAULT_ENTRY = 'slice.ts';

/** The workspace folders pnpm knows, from the `dir` and `dir/*` patterns of pnpm-workspace.yaml. */
export function workspaceDirs(root: string): string[] {
  // js-yaml: one module, where the `yaml` package is ~60 for a render's batch to load for this file alone.
  const config = load(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { packages?: string[] };
  const dirs: string[] = [];
  for (const pattern of config.packages ?? []) {
    if (pattern.startsWith('!')) continue;
    if (pattern.endsWith('/*')) {
      const parent = join(root, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const e of readdirSync(parent, { withFileTypes: true }))
        if (e.isDirectory()) dirs.push(join(parent, e.name));
    } else {
      dirs.push(join(root, pattern));
    }
  }
  return dirs.filter((d) => existsSync(join(d, 'package.json'))).sort();
}

/** Every workspace that renders part of the tree, in a stable order. */
export function renderWorkspaces(root: string): RenderWorkspace[] {
  const out: RenderWorkspace[] = [];
  for (const dir of workspaceDirs(root)) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name?: string;
      scripts?: Record<string, string>;
    };
    const match = RENDER_SCRIPT.exec(pkg.scripts?.build ?? '');
    if (match)
      out.push({
        dir,
        source: workspaceSource(root, dir),
        entry: match[1] ?? DEFAULT_ENTRY,
        name: pkg.name ?? '',
      });
  }
  return out;
}
