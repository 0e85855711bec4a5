import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { STAGE_DIR, STAGE_FILE } from '../conventions/layout.js';
import { replaceFile } from '../render/replace-file.js';
import { sha256Hex } from './sha256.js';

/**
 * Beside a staged slice, the files it was rendered from and their SHA-256, in `sha256sum` format (paths
 * relative to the workspace): `ultron-render`'s shell front (bin/ultron-render) accepts the staged slice
 * as current when `sha256sum --check` passes, without starting Node; the batch render skips it likewise.
 */
export const INPUTS_FILE = `${STAGE_DIR}/inputs.sha256`;

/** Folders of a workspace that are not its sources: dependencies, build output, staging, caches. */
const NOT_SOURCES = new Set(['node_modules', STAGE_DIR, '.turbo', 'dist', '.git', 'coverage']);

/** A workspace's own files (read by a render or not: a kit may read a file beside the definition). */
export function workspaceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (NOT_SOURCES.has(e.name)) continue;
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** SHA-256 of files, each read once per process (a batch hashes the shared bundle for every workspace). */
export class FileHashes {
  readonly #known = new Map<string, string | undefined>();

  /** Sets what a file's bytes were when the render read them (see ImportGraph.noteSource). */
  seed(file: string, hash: string): void {
    this.#known.set(file, hash);
  }

  of(file: string): string | undefined {
    if (!this.#known.has(file)) {
      let hash: string | undefined;
      try {
        hash = sha256Hex(readFileSync(file));
      } catch {
        hash = undefined;
      }
      this.#known.set(file, hash);
    }
    return this.#known.get(file);
  }
}

/** `sha256sum` reads a name with a backslash or a newline differently: such a file gets no record. */
const UNSAFE_NAME = /[\\\n\r]/;

/**
 * Writes the record of what a freshly staged slice was rendered from; with an unreadable or oddly named
 * input, removes it instead (no record: the next build renders).
 */
export function recordInputs(workspaceDir: string, files: Iterable<string>, hashes: FileHashes): void {
  const target = join(workspaceDir, INPUTS_FILE);
  const lines: string[] = [];
  for (const file of [...new Set([...files].map((f) => resolve(f)))].sort()) {
    const hash = hashes.of(file);
    const name = relative(workspaceDir, file).split(sep).join('/');
    if (!hash || UNSAFE_NAME.test(name)) {
      rmSync(target, { force: true });
      return;
    }
    lines.push(`${hash}  ${name}`);
  }
  replaceFile(target, `${lines.join('\n')}\n`);
}

/** Drops the record first when a workspace renders again: a slice and a record always belong together. */
export function forgetInputs(workspaceDir: string): void {
  rmSync(join(workspaceDir, INPUTS_FILE), { force: true });
}

/**
 * Whether a staged slice may be stale, from modification times alone: no slice or record, or a recorded
 * input modified (or gone) since the record was written. The batch asks this before hashing another
 * workspace's inputs (`stagedIsCurrent`): in a one-workload change every other slice was just restored by
 * turbo, and hashing their inputs was most of the batch's cost. A hint is all the batch needs: a slice
 * taken here for current although its inputs changed (a file written with an old modification time) is
 * still rendered by that workspace's own task, whose shell front checks the hashes.
 */
export function mayBeStale(workspaceDir: string): boolean {
  const record = join(workspaceDir, INPUTS_FILE);
  let recorded: number;
  try {
    if (!existsSync(join(workspaceDir, STAGE_FILE))) return true;
    recorded = statSync(record).mtimeMs;
  } catch {
    return true;
  }
  return readFileSync(record, 'utf8')
    .split('\n')
    .filter(Boolean)
    .some((line) => {
      const at = line.indexOf('  ');
      if (at < 0) return true;
      const input = statSync(resolve(workspaceDir, line.slice(at + 2)), { throwIfNoEntry: false });
      // Same time as the record counts as changed: file times can be coarser than the writes.
      return input === undefined || input.mtimeMs >= recorded;
    });
}

/**
 * Is the staged slice current: staged, with a record whose every file still has the recorded hash? The
 * same test as the shell front's `sha256sum --check --strict`.
 */
export function stagedIsCurrent(workspaceDir: string, hashes: FileHashes): boolean {
  const record = join(workspaceDir, INPUTS_FILE);
  if (!existsSync(join(workspaceDir, STAGE_FILE)) || !existsSync(record)) return false;
  const lines = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  if (lines.length === 0) return false;
  return lines.every((line) => {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    return match !== null && hashes.of(resolve(workspaceDir, match[2]!)) === match[1];
  });
}
