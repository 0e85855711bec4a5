import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentKey } from '../startup/content-key.js';
import { replaceFile } from './replace-file.js';

/**
 * In a workspace's cache folder: the canonical JSON of every object its last render found valid, and
 * which render engine judged them. A render by the same engine skips the schema check
 * (kubernetes-models `validate()`) of objects found there, byte for byte: a one-value edit re-checks the
 * objects it changed. Not in the staging folder: that is Turborepo's cached output, restored on every
 * cache hit, and this file would double what is restored.
 */
export const VALIDATED_FILE = 'node_modules/.cache/ultron/validated.json';

interface ValidatedJson {
  engine: string;
  objects: string[];
}

/**
 * The identity of the render engine whose module is at `moduleUrl`, when it runs from the kit's render
 * bundle (the bundle's manifest sits beside it): the bundle's files, by name, size and modification time.
 * The bundle holds the validators too, so a rebuilt or restored bundle is another engine. Outside the
 * bundle (the packages as installed, validators elsewhere in node_modules) there is no memo.
 */
export function bundleEngine(moduleUrl: string): string | undefined {
  if (!moduleUrl.startsWith('file:')) return undefined;
  const dir = dirname(fileURLToPath(moduleUrl));
  const manifest = join(dir, 'bundle.json');
  if (!existsSync(manifest)) return undefined;
  const parts = [readFileSync(manifest, 'utf8')];
  for (const name of readdirSync(dir).sort()) {
    const st = statSync(join(dir, name));
    parts.push(`${name}\0${st.size}\0${st.mtimeMs}`);
  }
  return contentKey(...parts);
}

/** The objects `engine` found valid at the workspace's last render; none when another engine did. */
export function readValidated(workspaceDir: string, engine: string): Set<string> {
  try {
    const body = JSON.parse(
      readFileSync(join(workspaceDir, VALIDATED_FILE), 'utf8'),
    ) as Partial<ValidatedJson>;
    if (body.engine === engine && Array.isArray(body.objects))
      return new Set(body.objects.filter((o) => typeof o === 'string'));
  } catch {
    // None yet, or unreadable: every object is checked.
  }
  return new Set();
}

/** Replaces the memo with this render's valid objects. */
export function writeValidated(workspaceDir: string, engine: string, objects: readonly string[]): void {
  const target = join(workspaceDir, VALIDATED_FILE);
  mkdirSync(dirname(target), { recursive: true });
  const body: ValidatedJson = { engine, objects: [...objects] };
  replaceFile(target, JSON.stringify(body));
}
