import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes source files (never the rendered tree: that is writeSlice's job) all-or-nothing: every file is
 * staged beside its target first, then all are renamed into place.
 */
export async function writeFilesAtomically(
  dir: string,
  files: ReadonlyMap<string, string>,
): Promise<string[]> {
  const suffix = `.ultron-tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const [path, content] of files) {
      const target = join(dir, ...path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(`${target}${suffix}`, content, 'utf8');
      staged.push({ temp: `${target}${suffix}`, target });
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw error;
  }
  for (const s of staged) await rename(s.temp, s.target);
  return [...files.keys()];
}

/** The paths among `files` that already exist under `dir`. */
export function existing(dir: string, files: Iterable<string>): string[] {
  return [...files].filter((p) => existsSync(join(dir, ...p.split('/'))));
}
