import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTreeFiles, recoverTree, writeTree } from '@ultron/platform';
import { describe, expect, it } from 'vitest';

/** Two complete trees that differ in changed, added and removed files, with nested folders. */
function trees(): { a: Map<string, string>; b: Map<string, string> } {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  for (let i = 0; i < 12; i++) {
    a.set(`workloads/app${i % 5}/file-${i}.yaml`, `a ${i}\n`);
    if (i % 3 !== 0) b.set(`workloads/app${i % 5}/file-${i}.yaml`, i % 2 ? `b ${i}\n` : `a ${i}\n`);
  }
  a.set('apps/old.yaml', 'old\n');
  b.set('apps/new.yaml', 'new\n');
  b.set('workloads/fresh/deep/file.yaml', 'fresh\n');
  return { a, b };
}

/**
 * A child process that writes tree `b` over tree `a` and SIGKILLs itself right before its n-th file
 * system change (a write, rename, removal or folder creation): a crash at every possible instant.
 * Node's built-in module bindings are patched and re-synced, so the writer's own imports see the counter.
 */
const CHILD = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const [root, treeJson, n] = process.argv.slice(1);
let ops = 0;
for (const name of ['writeFileSync', 'renameSync', 'rmSync', 'mkdirSync']) {
  const original = fs[name];
  fs[name] = (...args) => {
    if (++ops === Number(n)) process.kill(process.pid, 'SIGKILL');
    return original(...args);
  };
}
syncBuiltinESMExports();
const { writeTree } = await import('@ultron/platform/core');
writeTree(root, new Map(Object.entries(JSON.parse(treeJson))));
process.stdout.write(String(ops));
`;

function runChild(root: string, tree: Map<string, string>, killAt: number): { killed: boolean; ops: number } {
  try {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', CHILD, root, JSON.stringify(Object.fromEntries(tree)), String(killAt)],
      { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { killed: false, ops: Number(out.toString()) };
  } catch (error) {
    if ((error as { signal?: string }).signal !== 'SIGKILL') throw error;
    return { killed: true, ops: killAt };
  }
}

const asObject = (m: Map<string, string>) => Object.fromEntries(m);

describe('a build killed at any moment never leaves a mixed tree or stray files', {
  // Dozens of child processes: generous for a loaded CI machine; each child loads only the light /core entry.
  timeout: 300_000,
}, () => {
  it('after a kill before every single file system change, the tree is the old or the new one, and the next build completes it', () => {
    const { a, b } = trees();
    // How many changes a full write makes (no kill): every instant in between is tried below.
    const probe = join(mkdtempSync(join(tmpdir(), 'ultron-kill-')), 'gitops');
    writeTree(probe, a);
    const { ops: total } = runChild(probe, b, 0);
    expect(total).toBeGreaterThan(12);
    let killed = 0;
    for (let n = 1; n <= total; n++) {
      const parent = mkdtempSync(join(tmpdir(), 'ultron-kill-'));
      const root = join(parent, 'gitops');
      writeTree(root, a);
      killed += runChild(root, b, n).killed ? 1 : 0;
      // What a reader (git, Argo CD, the next build) finds once the crash is recovered from.
      recoverTree(root);
      const seen = asObject(readTreeFiles(root));
      expect([asObject(a), asObject(b)], `killed before change ${n} of ${total}`).toContainEqual(seen);
      expect(readdirSync(parent), `after kill ${n}`).toEqual(['gitops']);
      // The next build writes the new tree whole and leaves nothing beside it.
      writeTree(root, b);
      expect(asObject(readTreeFiles(root))).toEqual(asObject(b));
      expect(readdirSync(parent)).toEqual(['gitops']);
    }
    expect(killed).toBe(total);
  });

  it('a writer killed at random times (real signals, real timing) leaves one whole tree', async () => {
    const { a, b } = trees();
    const parent = mkdtempSync(join(tmpdir(), 'ultron-kill-'));
    const root = join(parent, 'gitops');
    writeTree(root, a);
    // Alternates the two trees as fast as it can until killed.
    const loop = `
      const { writeTree } = await import('@ultron/platform/core');
      const [root, x, y] = process.argv.slice(1).map((s, i) => (i ? new Map(Object.entries(JSON.parse(s))) : s));
      for (let i = 0; ; i++) writeTree(root, i % 2 ? x : y);
    `;
    const args = [JSON.stringify(asObject(a)), JSON.stringify(asObject(b))];
    for (let round = 0; round < 15; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', loop, root, ...args], {
        cwd: import.meta.dirname,
        stdio: 'ignore',
      });
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 200)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      recoverTree(root);
      expect([asObject(a), asObject(b)]).toContainEqual(asObject(readTreeFiles(root)));
      expect(readdirSync(parent)).toEqual(['gitops']);
    }
    expect(existsSync(root)).toBe(true);
  });
});
