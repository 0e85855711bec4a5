import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { FOLDERS } from '../conventions/layout.js';
import { sourceOf } from './header.js';
import type { RenderedSlice } from './slice.js';

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  pruned: string[];
}

// Synchronous file calls throughout: a workspace build is a short process with nothing else to do, and
// dozens of small awaited reads (one per file, plus a header line per file in apps/) cost a thread-pool
// round trip each. Results and ordering are the same as with the promise API.

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const bytesRead = readSync(fd, buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split('\n', 1)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/** A file another workspace removed or renamed meanwhile reads as having no header. */
function firstLineOrEmpty(file: string): string {
  try {
    return firstLine(file);
  } catch {
    return '';
  }
}

function removeEmptyDirs(dir: string, stopAt: string): void {
  let current = dir;
  while (current.startsWith(stopAt) && current !== stopAt) {
    try {
      rmdirSync(current);
    } catch {
      return; // not empty (or gone): stop climbing
    }
    current = dirname(current);
  }
}

/**
 * The only code that writes the GitOps tree. Writes a rendered slice under `root`:
 * - every changed file is first staged next to its target, then all are renamed into place, so a
 *   failure while writing leaves the previous files untouched;
 * - unchanged files are not rewritten (timestamps stay, watchers stay quiet);
 * - files the slice owns but no longer emits are removed: everything in its owned folders, and any
 *   file in `apps/` whose header names this slice's source.
 */
export async function writeSlice(root: string, slice: RenderedSlice): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: [], pruned: [] };
  const staged: { temp: string; target: string }[] = [];
  const suffix = `.ultron-tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    for (const [path, content] of [...slice.files].sort(([a], [b]) => a.localeCompare(b))) {
      const target = join(root, ...path.split('/'));
      if (existsSync(target) && readFileSync(target, 'utf8') === content) {
        summary.unchanged.push(path);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      const temp = `${target}${suffix}`;
      writeFileSync(temp, content, 'utf8');
      staged.push({ temp, target });
      summary.written.push(path);
    }
  } catch (error) {
    for (const s of staged) rmSync(s.temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);

  const emitted = new Set(slice.files.keys());
  const candidates = [
    ...slice.owns.flatMap((dir) => listFiles(join(root, dir))),
    // Other workspaces write here concurrently: look only at finished YAML files, never their temp files.
    ...listFiles(join(root, FOLDERS.apps)).filter((f) => /\.ya?ml$/.test(f)),
  ];
  for (const file of new Set(candidates)) {
    const path = relative(root, file).split(sep).join('/');
    if (emitted.has(path)) continue;
    const owned = slice.owns.some((dir) => path.startsWith(`${dir}/`));
    if (!owned && sourceOf(firstLineOrEmpty(file)) !== slice.source) continue;
    rmSync(file);
    summary.pruned.push(path);
    removeEmptyDirs(dirname(file), root);
  }
  summary.pruned.sort();
  return summary;
}
