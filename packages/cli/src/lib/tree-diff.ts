import { readTreeFiles, sourceOf } from '@ultron/platform';
import { createTwoFilesPatch } from 'diff';
import { byCodePoint } from './order.ts';
import type { RenderedFile } from './render-all.ts';

export type ChangeStatus = 'changed' | 'added' | 'removed';

export interface FileChange {
  /** Path relative to the tree's root. */
  path: string;
  status: ChangeStatus;
  /** The workspace the file belongs to (its renderer, or the header's source for removed files). */
  source: string;
  /** For removed files: why a fresh render no longer has them. */
  reason?: string;
  before: string;
  after: string;
}

/**
 * Every file under the tree's root on disk, keyed by `/`-separated relative path. Nothing is skipped: a
 * temp file left in the tree is a stray file `check` must report (the writer never leaves one).
 */
export const readWorkingFolder = readTreeFiles;

function removalReason(source: string | null, knownSources: ReadonlySet<string>): string {
  if (!source) return 'not generated (no header): remove it, or render it from a workspace';
  if (!knownSources.has(source)) return `its workspace ${source} no longer exists: delete the file`;
  return `${source} no longer renders it`;
}

/**
 * What a fresh render changes against a base tree (working folder or a commit), sorted by workspace and
 * path so the output reads the same on every machine.
 */
export function compareTrees(
  rendered: ReadonlyMap<string, RenderedFile>,
  base: ReadonlyMap<string, string>,
  knownSources: ReadonlySet<string>,
): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, file] of rendered) {
    const before = base.get(path);
    if (before === undefined)
      changes.push({ path, status: 'added', source: file.source, before: '', after: file.content });
    else if (before !== file.content)
      changes.push({ path, status: 'changed', source: file.source, before, after: file.content });
  }
  for (const [path, before] of base) {
    if (rendered.has(path)) continue;
    const source = sourceOf(before.split('\n', 1)[0] ?? '');
    changes.push({
      path,
      status: 'removed',
      source: source ?? '(no header)',
      reason: removalReason(source, knownSources),
      before,
      after: '',
    });
  }
  return changes.sort((a, b) => byCodePoint(a.source, b.source) || byCodePoint(a.path, b.path));
}

/** Changes grouped by workspace (one group per app or component), in order. */
export function bySource(changes: readonly FileChange[]): Map<string, FileChange[]> {
  const groups = new Map<string, FileChange[]>();
  for (const c of changes) groups.set(c.source, [...(groups.get(c.source) ?? []), c]);
  return groups;
}

/** A git-style unified diff of one file, paths shown as in the repo (`gitops/…`). */
export function unifiedDiff(change: FileChange, treeLabel: string): string {
  const a = change.status === 'added' ? '/dev/null' : `a/${treeLabel}/${change.path}`;
  const b = change.status === 'removed' ? '/dev/null' : `b/${treeLabel}/${change.path}`;
  const patch = createTwoFilesPatch(a, b, change.before, change.after, undefined, undefined, { context: 3 });
  // jsdiff starts with an "Index:"-less "===" banner; git's format starts at the "---" line.
  return patch.slice(patch.indexOf('--- '));
}
