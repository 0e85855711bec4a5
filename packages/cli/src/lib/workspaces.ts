import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isUserError, type RenderedSlice, renderSlice, type Slice, workspaceSource } from '@ultron/platform';
import { parse } from 'yaml';
import { environmentError } from './exit.ts';
import type { Repo } from './repo.ts';

/** A workspace whose build renders a slice of the tree: `"build": "ultron-render <entry>"`. */
export interface RenderWorkspace {
  dir: string;
  /** `workloads/penvoice`: the name in generated headers. */
  source: string;
  /** The module whose default export is the slice, relative to `dir`. */
  entry: string;
}

/** `ultron-render` without an argument renders `slice.ts` (its own default). */
const RENDER_SCRIPT = /(?:^|[\s;&|])ultron-render(?:\s+([^\s;&|]+))?/;
const DEFAULT_ENTRY = 'slice.ts';

/** The workspace folders pnpm knows, from the `dir` and `dir/*` patterns of pnpm-workspace.yaml. */
function workspaceDirs(root: string): string[] {
  const config = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { packages?: string[] };
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
export function renderWorkspaces(repo: Repo): RenderWorkspace[] {
  const out: RenderWorkspace[] = [];
  for (const dir of workspaceDirs(repo.root)) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    const match = RENDER_SCRIPT.exec(pkg.scripts?.build ?? '');
    if (match) out.push({ dir, source: workspaceSource(repo.root, dir), entry: match[1] ?? DEFAULT_ENTRY });
  }
  return out;
}

/** The workspace rendering `source` (e.g. `workloads/penvoice`), if any. */
export function findRenderWorkspace(repo: Repo, source: string): RenderWorkspace | undefined {
  return renderWorkspaces(repo).find((w) => w.source === source);
}

/** Imports a workspace's entry module and returns its default-exported slice. */
export async function loadSlice(ws: RenderWorkspace): Promise<Slice> {
  const file = `${ws.source}/${ws.entry}`;
  let module: { default?: Partial<Slice> };
  try {
    module = (await import(pathToFileURL(join(ws.dir, ws.entry)).href)) as typeof module;
  } catch (error) {
    // A definition with problems (e.g. the cluster's) lists them; a module that does not even load is not a CLI bug.
    if (isUserError(error)) throw error;
    throw environmentError(
      `${file} does not load: ${(error as Error).message}`,
      'run its build to see the full error',
    );
  }
  const slice = module.default;
  if (!slice || typeof slice.build !== 'function' || !Array.isArray(slice.owns)) {
    throw environmentError(`${file} must export default a slice (defineWorkload(…), a component…)`);
  }
  return slice as Slice;
}

/**
 * Renders one workspace in memory, exactly as its `ultron-render` build does, without touching disk.
 * Throws the definition's UserError (every problem listed) when it has problems.
 */
export async function renderWorkspace(ws: RenderWorkspace): Promise<RenderedSlice> {
  return renderSlice(await loadSlice(ws), ws.source);
}
