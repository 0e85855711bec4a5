import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { FOLDERS } from '../conventions/layout.js';
import { sourceOf } from './header.js';
import type { RenderedSlice } from './slice.js';

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  pruned: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split('\n', 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

async function removeEmptyDirs(dir: string, stopAt: string): Promise<void> {
  let current = dir;
  while (current.startsWith(stopAt) && current !== stopAt) {
    try {
      await rmdir(current);
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
      if (existsSync(target) && (await readFile(target, 'utf8')) === content) {
        summary.unchanged.push(path);
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}${suffix}`;
      await writeFile(temp, content, 'utf8');
      staged.push({ temp, target });
      summary.written.push(path);
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw error;
  }
  for (const { temp, target } of staged) await rename(temp, target);

  const emitted = new Set(slice.files.keys());
  const candidates = [
    ...(await Promise.all(slice.owns.map((dir) => listFiles(join(root, dir))))).flat(),
    // Other workspaces write here concurrently: look only at finished YAML files, never their temp files.
    ...(await listFiles(join(root, FOLDERS.apps))).filter((f) => /\.ya?ml$/.test(f)),
  ];
  for (const file of new Set(candidates)) {
    const path = relative(root, file).split(sep).join('/');
    if (emitted.has(path)) continue;
    const owned = slice.owns.some((dir) => path.startsWith(`${dir}/`));
    if (!owned && sourceOf(await firstLine(file).catch(() => '')) !== slice.source) continue;
    await rm(file);
    summary.pruned.push(path);
    await removeEmptyDirs(dirname(file), root);
  }
  summary.pruned.sort();
  return summary;
}
