import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { findRepoRoot } from '@ultron/platform';
import { afterAll } from 'vitest';

/** The real repository these tests run in. */
export const REAL_ROOT = findRepoRoot(import.meta.dirname);
export const CLI = join(REAL_ROOT, 'packages/cli/bin/ultron.js');

/** Never copied: installed or generated per machine. `packages/` is linked instead (the CLI never writes there). */
const SKIP = new Set(['node_modules', '.git', '.turbo', 'dist', 'coverage']);

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'ultron-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/**
 * A private copy of the repo to run commands against: every source and rendered file copied, `packages/`
 * and each workspace's `node_modules` linked to the real ones (what `pnpm install` would have made).
 */
export function copyRepo(): string {
  const root = tempDir();
  cpSync(REAL_ROOT, root, {
    recursive: true,
    filter: (src) => {
      const rel = relative(REAL_ROOT, src);
      return !rel.split(sep).some((part) => SKIP.has(part)) && rel !== 'packages';
    },
  });
  symlinkSync(join(REAL_ROOT, 'packages'), join(root, 'packages'));
  symlinkSync(join(REAL_ROOT, 'node_modules'), join(root, 'node_modules'));
  for (const dir of workspaceDirs(root)) {
    const real = join(REAL_ROOT, dir, 'node_modules');
    if (existsSync(real) && !existsSync(join(root, dir, 'node_modules')))
      symlinkSync(real, join(root, dir, 'node_modules'));
  }
  return root;
}

/** Workspace folders (relative) of a repo copy: every folder up to two levels down with a package.json. */
function workspaceDirs(root: string): string[] {
  const out: string[] = [];
  for (const top of readdirSync(root, { withFileTypes: true })) {
    if (!top.isDirectory() || SKIP.has(top.name) || top.name === 'packages' || top.name === 'gitops')
      continue;
    if (existsSync(join(root, top.name, 'package.json'))) out.push(top.name);
    for (const sub of readdirSync(join(root, top.name), { withFileTypes: true }))
      if (sub.isDirectory() && existsSync(join(root, top.name, sub.name, 'package.json')))
        out.push(join(top.name, sub.name));
  }
  return out;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ultron <args>` in a repo copy, as a user's shell would: its own process, no TTY. */
export function ultron(
  root: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<Run> {
  const base = { ...process.env };
  // pnpm (running vitest) sets INIT_CWD to this package; a user's shell would not.
  for (const key of ['INIT_CWD', 'ULTRON_TREE_DIR', 'FORCE_COLOR']) delete base[key];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: root, env: { ...base, NO_COLOR: '1', ...env }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs a program to completion (a render, biome, git) and returns its result. */
export function run(
  file: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Path → sha256 of every file under `dir`, not following links (the linked packages and node_modules). */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile())
        files.set(
          relative(dir, full).split(sep).join('/'),
          createHash('sha256').update(readFileSync(full)).digest('hex'),
        );
    }
  };
  walk(dir);
  return files;
}

/** Paths added, removed or changed between two snapshots, sorted. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

/** Lines that differ between two versions of a file, as `-old` / `+new`, in order. */
export function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      out.push(...(a[i] === undefined ? [] : [`-${a[i]}`]), ...(b[i] === undefined ? [] : [`+${b[i]}`]));
  }
  return out;
}

export const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
export const write = (root: string, path: string, text: string) => writeFileSync(join(root, path), text);

/** Commits everything in a repo copy (initialising git there first), as the base `--base` compares with. */
export async function commitAll(root: string, message: string): Promise<void> {
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], root);
  if ((await git('rev-parse', '--git-dir')).code !== 0) await git('init', '-q');
  await git('add', '-A');
  const committed = await git('commit', '-q', '-m', message);
  if (committed.code !== 0) throw new Error(`git commit failed: ${committed.stderr}`);
}
