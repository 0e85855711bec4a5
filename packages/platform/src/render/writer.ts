import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { NEXT_TREE_SUFFIX, PREVIOUS_TREE_SUFFIX } from '../conventions/layout.js';

export interface WriteSummary {
  /** Files that are new or whose bytes changed. */
  written: string[];
  /** Files that were in the tree and are no longer rendered (stale, orphaned or temp files). */
  pruned: string[];
  unchanged: number;
  /** False when the tree already held exactly these files: nothing on disk was touched. */
  swapped: boolean;
  /** Leftovers of an interrupted earlier write that were cleaned up (or rolled back) first. */
  recovered: string[];
}

// Synchronous file calls throughout: the assemble step is a short process with nothing else to do.

/** A file's path in the tree: relative to its root, `/`-separated. */
function treePath(dir: string, full: string): string {
  return relative(dir, full).split(sep).join('/');
}

/** Every file under `dir`, `/`-separated relative path → bytes. */
export function readTreeFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    files.set(treePath(dir, full), readFileSync(full, 'utf8'));
  }
  return files;
}

/**
 * `readTreeFiles` with the reads done by libuv's threads: started before the tree's checks, it reads the
 * current tree on the other core while they run (a tree of thousands of files takes ~0.1 s to read).
 */
export async function readTreeFilesAsync(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  const contents = await Promise.all(paths.map((full) => readFile(full, 'utf8')));
  paths.forEach((full, i) => {
    files.set(treePath(dir, full), contents[i]!);
  });
  return files;
}

/**
 * Undoes what a write killed at any instant left behind, before anything else happens:
 * - the previous tree moved aside but the new one not yet in place → the previous tree goes back;
 * - a half-written (or fully written, never swapped) new tree → removed;
 * - the previous tree left after a completed swap → removed.
 * Afterwards only `root` exists, holding one complete tree: the old one or the new one, never a mix.
 */
export function recoverTree(root: string): string[] {
  const next = `${root}${NEXT_TREE_SUFFIX}`;
  const previous = `${root}${PREVIOUS_TREE_SUFFIX}`;
  const recovered: string[] = [];
  if (!existsSync(root) && existsSync(previous)) {
    renameSync(previous, root);
    recovered.push(`restored ${previous}`);
  }
  for (const leftover of [next, previous]) {
    if (!existsSync(leftover)) continue;
    rmSync(leftover, { recursive: true, force: true });
    recovered.push(`removed ${leftover}`);
  }
  return recovered;
}

/**
 * The only code that writes the GitOps tree, and only with a tree that passed every check. It never edits
 * the tree in place: the complete new tree is written beside it (`<root>.ultron-next`), then two renames
 * swap it in (`<root>` → `<root>.ultron-prev`, next → `<root>`) and the previous tree is deleted. A crash
 * at any instant leaves either the old tree or the new one (recoverTree, run first, finishes the job), so
 * a reader or a commit never sees half of each. Stale files (no longer rendered, temp files of an older
 * writer) are pruned simply by not being in the new tree. When the tree already holds exactly these
 * bytes nothing is touched, so timestamps stay and watchers stay quiet.
 */
export function writeTree(
  root: string,
  files: ReadonlyMap<string, string>,
  /** The tree as read just before (readTreeFilesAsync); read here when absent or when a crash was recovered. */
  read?: ReadonlyMap<string, string>,
): WriteSummary {
  const recovered = recoverTree(root);
  const current = read && recovered.length === 0 ? read : readTreeFiles(root);
  const unchanged = new Set(
    [...files].filter(([path, content]) => current.get(path) === content).map(([p]) => p),
  );
  const written = [...files.keys()].filter((p) => !unchanged.has(p));
  const pruned = [...current.keys()].filter((p) => !files.has(p));
  const summary = { written: written.sort(), pruned: pruned.sort(), recovered };
  if (written.length === 0 && pruned.length === 0)
    return { ...summary, unchanged: unchanged.size, swapped: false };

  const next = `${root}${NEXT_TREE_SUFFIX}`;
  const previous = `${root}${PREVIOUS_TREE_SUFFIX}`;
  const made = new Set<string>();
  for (const [path, content] of files) {
    const target = join(next, ...path.split('/'));
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // An unchanged file is linked, not written again: a one-workload change to a tree of thousands of
    // files writes that workload's files only, and the rest keep their timestamps. The next tree is still
    // complete before the swap; where links are not possible, the bytes are written.
    if (unchanged.has(path)) {
      try {
        linkSync(join(root, ...path.split('/')), target);
        continue;
      } catch {
        // (no hard links on this file system: fall through)
      }
    }
    writeFileSync(target, content, 'utf8');
  }
  mkdirSync(next, { recursive: true });
  if (existsSync(root)) renameSync(root, previous);
  renameSync(next, root);
  rmSync(previous, { recursive: true, force: true });
  return { ...summary, unchanged: unchanged.size, swapped: true };
}
