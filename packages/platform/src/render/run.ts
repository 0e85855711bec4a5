import { enableCompileCache } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatProblems, isUserError } from '../errors/problem.js';
import { findRepoRoot, workspaceSource } from './repo.js';
import { renderSlice, type Slice } from './slice.js';
import { stageSlice, unstageSlice } from './stage.js';
import { bundleEngine, readValidated, writeValidated } from './validated-memo.js';

export interface RunOptions {
  /** The module whose default export is the Slice, relative to `cwd`. */
  entry: string;
  cwd?: string;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/**
 * Renders one workspace's slice and stages it in the workspace (`.ultron/slice.json`, Turborepo's cached
 * output). It never writes the tree: the assemble step does, once every slice is staged and the whole
 * tree has passed its checks. Returns the exit code: 0 on success, 1 when the definition has problems
 * (all printed, its stale staged slice removed). Bugs still throw with their stack.
 */
export async function runSlice(options: RunOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? ((l) => process.stdout.write(`${l}\n`));
  const error = options.error ?? ((l) => process.stderr.write(`${l}\n`));
  const started = performance.now();
  // Each workspace build is a fresh process loading the same ~800 modules (the kit, the kubernetes-models
  // classes with their schemas, zod): Node's on-disk compile cache spares compiling them every time.
  // It lives in the OS temp folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Output is unaffected.
  enableCompileCache();
  const repoRoot = findRepoRoot(cwd);
  const source = workspaceSource(repoRoot, cwd);
  try {
    const module = (await import(pathToFileURL(resolve(cwd, options.entry)).href)) as { default?: Slice };
    const slice = module.default;
    if (!slice || typeof slice.build !== 'function') {
      unstageSlice(cwd);
      error(
        `${source}: ${options.entry} must export default a slice (defineWorkload(…), a platform component…)`,
      );
      return 1;
    }
    // In the kit's render bundle, objects this engine found valid at the last render are not checked again.
    const engine = bundleEngine(import.meta.url);
    const rendered = renderSlice(slice, source, engine ? { validated: readValidated(cwd, engine) } : {});
    stageSlice(cwd, rendered);
    if (engine && rendered.validated) writeValidated(cwd, engine, rendered.validated);
    const ms = Math.round(performance.now() - started);
    log(`${source}: ${rendered.files.size} files staged in ${ms} ms (the assemble step writes the tree)`);
    return 0;
  } catch (e) {
    if (!isUserError(e)) throw e;
    unstageSlice(cwd);
    error(`${source}: ${e.message.split('\n')[0]}\n${formatProblems(e.problems)}\nnothing was written.`);
    return 1;
  }
}
