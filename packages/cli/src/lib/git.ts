import { execFileSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import { environmentError, usageError } from './exit.ts';

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      input,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') throw environmentError('git is not installed', 'install git or drop --base');
    throw environmentError(`git ${args[0]} failed: ${e.stderr?.toString().trim() || e.message}`);
  }
}

/**
 * The files of a folder as committed at `ref`, keyed by their path relative to that folder. Lets `check`
 * compare a fresh render with what is committed even after a build has rewritten the working tree.
 */
export function readCommittedFolder(cwd: string, ref: string, folder: string): Map<string, string> {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
  const rel = relative(top, folder).split(sep).join('/');
  if (rel.startsWith('..')) throw usageError(`${folder} is outside the git repository at ${top}`);
  try {
    git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw usageError(`--base ${ref} is not a commit in this repository`, 'e.g. HEAD or origin/main');
  }
  const paths = git(top, ['ls-tree', '-r', '-z', '--name-only', ref, '--', rel])
    .toString()
    .split('\0')
    .filter(Boolean);
  const files = new Map<string, string>();
  if (paths.length === 0) return files;
  // One `cat-file --batch` for all blobs: output is "<sha> blob <size>\n<bytes>\n" per requested path.
  const out = git(top, ['cat-file', '--batch'], Buffer.from(paths.map((p) => `${ref}:${p}\n`).join('')));
  let at = 0;
  for (const path of paths) {
    const eol = out.indexOf(0x0a, at);
    const size = Number(out.subarray(at, eol).toString().split(' ')[2]);
    files.set(path.slice(rel.length + 1), out.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    at = eol + 1 + size + 1;
  }
  return files;
}

/**
 * Paths with uncommitted changes (staged, unstaged or untracked), relative to the repository's top,
 * split into the rendered tree's and everything else's. Empty when `cwd` is not in a git repository.
 */
export function uncommitted(cwd: string, treeDir: string): { sources: string[]; tree: string[] } {
  let top: string;
  let out: string;
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
    out = git(top, ['status', '--porcelain', '-z', '--untracked-files=all']).toString();
  } catch {
    return { sources: [], tree: [] };
  }
  const tree = relative(top, treeDir).split(sep).join('/');
  // Each entry is "XY <path>"; a rename adds its old path as the next NUL-separated field.
  const entries = out.split('\0').filter(Boolean);
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    paths.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  const inTree = (p: string) => p === tree || p.startsWith(`${tree}/`);
  return { sources: paths.filter((p) => !inTree(p)).sort(), tree: paths.filter(inTree).sort() };
}
