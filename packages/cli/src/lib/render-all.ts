import { assembleSlices, isUserError, type Problem, type RenderedSlice } from '@ultron/platform';
import { budgetCheck } from './budget-check.ts';
import { loadCluster } from './cluster.ts';
import type { Repo } from './repo.ts';
import { type RenderWorkspace, renderWorkspace, renderWorkspaces } from './workspaces.ts';

export interface RenderedFile {
  content: string;
  /** The workspace that renders it, e.g. `workloads/penvoice`. */
  source: string;
}

export interface FreshRender {
  workspaces: RenderWorkspace[];
  /** Tree path (relative to the tree's root) → what a fresh build writes there. */
  files: Map<string, RenderedFile>;
  /** Workspaces whose definition has problems; their files are missing from `files`. */
  failures: { source: string; problems: readonly Problem[] }[];
}

/**
 * Renders every workspace in memory, in one process, and checks the whole tree as the assemble step
 * does: what `pnpm turbo build` would write, without writing
 * anything and without Turborepo's cache (which would replay outputs into the real tree).
 */
export async function renderAll(repo: Repo): Promise<FreshRender> {
  const workspaces = renderWorkspaces(repo);
  const files = new Map<string, RenderedFile>();
  const failures: FreshRender['failures'] = [];
  const slices: RenderedSlice[] = [];
  for (const ws of workspaces) {
    try {
      slices.push(await renderWorkspace(ws));
    } catch (error) {
      if (!isUserError(error)) throw error;
      failures.push({ source: ws.source, problems: error.problems });
    }
  }
  // The same whole-tree checks as the build's assemble step: a tree the build would refuse is not current.
  const assembled = assembleSlices(slices, { checks: [budgetCheck(await loadCluster(repo.root))] });
  // The assembled files, not the slices' own: the assemble step adds the folder READMEs.
  for (const [path, content] of assembled.files)
    files.set(path, { content, source: assembled.sources.get(path) ?? '' });
  const { problems } = assembled;
  if (problems.length > 0) failures.push({ source: 'the assembled tree', problems });
  return { workspaces, files, failures };
}
