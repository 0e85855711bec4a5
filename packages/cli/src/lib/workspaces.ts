import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  isUserError,
  type RenderedSlice,
  type RenderWorkspace,
  renderSlice,
  type Slice,
  renderWorkspaces as workspacesOf,
} from '@ultron/platform';
import { environmentError } from './exit.ts';
import type { Repo } from './repo.ts';

export type { RenderWorkspace } from '@ultron/platform';

/** Every workspace that renders part of the tree, in a stable order. */
export function renderWorkspaces(repo: Repo): RenderWorkspace[] {
  return workspacesOf(repo.root);
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
