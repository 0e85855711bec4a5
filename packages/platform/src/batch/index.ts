import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRepoRoot, workspaceSource } from '../render/repo.js';
import type { RunOptions } from '../render/run.js';
import type { RenderWorkspace } from '../render/workspaces.js';
import type { ImportGraph } from './import-graph.js';
import {
  FileHashes,
  forgetInputs,
  mayBeStale,
  recordInputs,
  stagedIsCurrent,
  workspaceFiles,
} from './inputs.js';
import { type LockOutcome, lockOrWait, releaseLock } from './lock.js';

export { ImportGraph } from './import-graph.js';
export { FileHashes, INPUTS_FILE, mayBeStale, recordInputs, stagedIsCurrent } from './inputs.js';
export { lockOrWait } from './lock.js';

/** The render's entry module, loaded once: the kit's bundle or the platform's own `render/run`. */
export interface Renderer {
  /** The module that imported it: the renderer's files are this module's closure in the import graph. */
  url: string;
  runSlice(options: RunOptions): Promise<number>;
}

export interface BuildOptions {
  cwd: string;
  entry: string;
  graph: ImportGraph;
  loadRenderer(): Promise<Renderer>;
  /** Files the render depends on beyond its import graph: the bin itself. */
  extraInputs?: readonly string[];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/** Where the batch lock lives: one per repository, beside the other build caches. */
export function batchLockDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'ultron', 'render-batch.lock');
}

/** Started as a workspace's `build` script (by turbo, or `pnpm build` in the workspace). */
function isBuildScript(env: NodeJS.ProcessEnv): boolean {
  return env.npm_lifecycle_event === 'build';
}

/** The workspaces a package.json links with `workspace:` (the packages turbo builds before it). */
function workspaceDependencies(dir: string): Set<string> {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const deps = pkg[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, version] of Object.entries(deps))
      if (typeof version === 'string' && version.startsWith('workspace:')) names.add(name);
  }
  return names;
}

function tryRepoRoot(cwd: string): string | undefined {
  try {
    return findRepoRoot(cwd);
  } catch {
    return undefined;
  }
}

/**
 * One workspace's build (`ultron-render <entry>`): its slice rendered and staged with the record of its
 * inputs (batch/inputs.ts).
 *
 * Under `turbo run build` (`TURBO_HASH` set, the `build` script), one build's workspace renders run in
 * one process where they can: the first to take the repository's batch lock renders every other
 * workspace whose staged slice is not current, then each later workspace task finds its slice current
 * (in the shell front, without Node). A
 * workspace process costs ~0.4 s of CPU, a render in a warm process a few milliseconds; turbo still runs,
 * caches and restores every workspace's task. Only workspaces whose workspace dependencies are among this
 * one's are rendered here: turbo built those before starting this task, so nothing is read mid-build.
 * `ULTRON_RENDER_BATCH=0` renders this workspace alone. Returns the exit code of this workspace's render.
 */
export async function buildWorkspace(options: BuildOptions): Promise<number> {
  const env = options.env ?? process.env;
  const hashes = new FileHashes();
  const root = tryRepoRoot(options.cwd);
  // A workspace's `build` run by turbo: not a test or a script that starts a render under turbo.
  const underTurboBuild = Boolean(env.TURBO_HASH) && isBuildScript(env);
  const batch = root !== undefined && underTurboBuild && env.ULTRON_RENDER_BATCH !== '0';
  // The shell front (bin/ultron-render) may have taken the lock already, for this very process.
  const takenByFront = env.ULTRON_RENDER_BATCH_LOCK === 'held' && root !== undefined;
  if (!batch) {
    if (takenByFront) releaseLock(batchLockDir(root));
    return renderOne(options, hashes);
  }
  const lock: LockOutcome = takenByFront
    ? { held: true, release: () => releaseLock(batchLockDir(root)) }
    : await lockOrWait(batchLockDir(root));
  if (!lock.held) {
    return stagedIsCurrent(options.cwd, hashes)
      ? current(options, root, `rendered by this build's batch, waited ${Math.round(lock.waitedMs)} ms`)
      : renderOne(options, hashes);
  }
  try {
    // Current already (restored by turbo, or staged by an earlier batch): rendering it again would
    // stage the same bytes.
    const own = stagedIsCurrent(options.cwd, hashes)
      ? current(options, root, 'its inputs are unchanged since it was staged')
      : await renderOne(options, hashes);
    const ownDeps = workspaceDependencies(options.cwd);
    // Loaded here only: the workspace list reads pnpm-workspace.yaml with js-yaml, which no other path
    // of a workspace process needs.
    const { renderWorkspaces } = await import('../render/workspaces.js');
    const others = renderWorkspaces(root).filter(
      (ws) =>
        resolve(ws.dir) !== resolve(options.cwd) &&
        [...workspaceDependencies(ws.dir)].every((d) => ownDeps.has(d)) &&
        mayBeStale(ws.dir) &&
        !stagedIsCurrent(ws.dir, hashes),
    );
    for (const ws of others) await renderOther(options, ws, hashes);
    return own;
  } finally {
    lock.release();
  }
}

function current(options: BuildOptions, root: string, why: string): number {
  (options.log ?? console.log)(`${workspaceSource(root, options.cwd)}: staged slice is current (${why})`);
  return 0;
}

/**
 * Hashes, before the render, the inputs known before it (the workspace's files, the lockfile, the bin):
 * the record then holds what the render read, not what a save during the render wrote.
 */
function hashBefore(options: BuildOptions, dir: string, hashes: FileHashes): void {
  if (!isBuildScript(options.env ?? process.env)) return;
  for (const file of [...workspaceFiles(dir), ...lockfileOf(dir), ...(options.extraInputs ?? [])])
    hashes.of(file);
}

async function renderOne(options: BuildOptions, hashes: FileHashes): Promise<number> {
  forgetInputs(options.cwd);
  hashBefore(options, options.cwd, hashes);
  const renderer = await options.loadRenderer();
  const code = await renderer.runSlice({
    entry: options.entry,
    cwd: options.cwd,
    ...(options.log ? { log: options.log } : {}),
    ...(options.error ? { error: options.error } : {}),
  });
  // The record is a build's cache (read by the shell front and by batches): a render started by hand or
  // by a test, outside a workspace's `build` script, stages the slice only and leaves no record, so it
  // pays nothing for hashing its inputs and the next build renders that workspace again.
  if (code === 0 && isBuildScript(options.env ?? process.env))
    record(options, renderer, options.cwd, options.entry, hashes);
  return code;
}

/**
 * Another workspace's slice, rendered quietly: its own task says what it renders, or reports its
 * problems (a failed render here leaves no staged slice, so that task renders it again and says why).
 */
async function renderOther(options: BuildOptions, ws: RenderWorkspace, hashes: FileHashes): Promise<void> {
  forgetInputs(ws.dir);
  hashBefore(options, ws.dir, hashes);
  const renderer = await options.loadRenderer();
  const quiet = () => {};
  try {
    const code = await renderer.runSlice({ entry: ws.entry, cwd: ws.dir, log: quiet, error: quiet });
    if (code === 0) record(options, renderer, ws.dir, ws.entry, hashes);
  } catch {
    // A bug in its definition or the kit: its own task hits it again and shows the stack.
  }
}

function lockfileOf(dir: string): string[] {
  const root = tryRepoRoot(dir);
  return root ? [join(root, 'pnpm-lock.yaml')].filter((f) => existsSync(f)) : [];
}

/** The definitions rendered in this process so far (module URLs). */
const renderedEntries = new Set<string>();

function record(
  options: BuildOptions,
  renderer: Renderer,
  dir: string,
  entry: string,
  hashes: FileHashes,
): void {
  const lockfile = lockfileOf(dir);
  const own = pathToFileURL(join(dir, entry)).href;
  for (const [file, hash] of options.graph.sourceHashes()) hashes.seed(file, hash);
  renderedEntries.add(own);
  // Installed packages are left to the lockfile: pnpm's store folders are named by version, never edited.
  const graph = options.graph
    .files([own, renderer.url], renderedEntries)
    .filter((f) => !f.includes(`${sep}node_modules${sep}.pnpm${sep}`));
  recordInputs(dir, [...workspaceFiles(dir), ...graph, ...lockfile, ...(options.extraInputs ?? [])], hashes);
}
