import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prerequisite } from '../../../../testing/prerequisites.js';
import {
  FileHashes,
  INPUTS_FILE,
  mayBeStale,
  recordInputs,
  stagedIsCurrent,
  workspaceFiles,
} from '../../src/batch/inputs.js';
import { tempDir } from '../helpers.js';

const FRONT = join(import.meta.dirname, '../../bin/ultron-render');

/** A repo with a cluster module and one workspace whose slice is staged with its inputs recorded. */
function staged() {
  const root = tempDir('ultron-inputs-');
  const ws = join(root, 'workloads/demo');
  writeFileSync(join(root, 'pnpm-workspace.yaml'), "packages:\n  - 'workloads/*'\n");
  mkdirSync(join(ws, '.ultron'), { recursive: true });
  mkdirSync(join(ws, 'node_modules/dep'), { recursive: true });
  mkdirSync(join(root, 'cluster'));
  writeFileSync(join(root, 'cluster/cluster.ts'), 'export default { name: "c" };\n');
  writeFileSync(join(ws, 'workload.ts'), 'export default 1;\n');
  writeFileSync(join(ws, 'package.json'), '{}\n');
  writeFileSync(join(ws, 'node_modules/dep/index.js'), 'ignored\n');
  writeFileSync(join(ws, '.ultron/slice.json'), '{"format":1}');
  recordInputs(ws, [...workspaceFiles(ws), join(root, 'cluster/cluster.ts')], new FileHashes());
  return { root, ws };
}

describe('the record of a staged slice’s inputs', () => {
  it('lists the workspace’s own files (not node_modules or staging) and the given files, relative', () => {
    const { ws } = staged();
    const names = readFileSync(join(ws, INPUTS_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.slice(66));
    expect(names).toEqual(['../../cluster/cluster.ts', 'package.json', 'workload.ts']);
  });

  it('is current until any recorded file changes or goes, or the slice goes', () => {
    const { root, ws } = staged();
    expect(stagedIsCurrent(ws, new FileHashes())).toBe(true);
    writeFileSync(join(root, 'cluster/cluster.ts'), 'export default { name: "d" };\n');
    expect(stagedIsCurrent(ws, new FileHashes())).toBe(false);

    const second = staged();
    writeFileSync(join(second.ws, 'workload.ts'), 'export default 2;\n');
    expect(stagedIsCurrent(second.ws, new FileHashes())).toBe(false);

    const third = staged();
    spawnSync('rm', [join(third.ws, '.ultron/slice.json')]);
    expect(stagedIsCurrent(third.ws, new FileHashes())).toBe(false);
  });

  it('may be stale, going by modification times, exactly when an input is newer than the record or gone', () => {
    const { root, ws } = staged();
    const past = new Date(Date.now() - 60_000);
    // Inputs written before the record (as turbo restores it after they were written): not stale.
    for (const file of [join(root, 'cluster/cluster.ts'), join(ws, 'package.json'), join(ws, 'workload.ts')])
      utimesSync(file, past, past);
    expect(mayBeStale(ws)).toBe(false);
    // Edited after it: maybe stale (and the hashes say so).
    writeFileSync(join(ws, 'workload.ts'), 'export default 2;\n');
    expect(mayBeStale(ws)).toBe(true);
    expect(stagedIsCurrent(ws, new FileHashes())).toBe(false);
    // Edited with an old time: the hint misses it, the hashes do not (the workspace's own task renders).
    utimesSync(join(ws, 'workload.ts'), past, past);
    expect(mayBeStale(ws)).toBe(false);
    expect(stagedIsCurrent(ws, new FileHashes())).toBe(false);
    // A recorded input gone, or no slice: stale.
    rmSync(join(root, 'cluster/cluster.ts'));
    expect(mayBeStale(ws)).toBe(true);
    expect(mayBeStale(staged().root)).toBe(true);
  });

  it('is not written for an input sha256sum would read differently (a backslash in its name)', () => {
    const { ws } = staged();
    writeFileSync(join(ws, 'odd\\name.ts'), '');
    recordInputs(ws, workspaceFiles(ws), new FileHashes());
    expect(stagedIsCurrent(ws, new FileHashes())).toBe(false);
  });
});

const hasSha256sum = spawnSync('sh', ['-c', 'command -v sha256sum']).status === 0;
const canRunFront = prerequisite(
  'ultron-render shell front',
  hasSha256sum ? null : 'sha256sum is not installed (Debian package coreutils)',
);

describe.skipIf(!canRunFront)('bin/ultron-render (the shell front)', () => {
  /** A `node` on PATH that only says it ran, and whether it holds the batch lock. */
  function fakeNode(): string {
    const bin = tempDir('ultron-fake-node-');
    writeFileSync(
      join(bin, 'node'),
      // (A shell default, `$` + `{…:-…}`, spelled so that it is not read as a template placeholder.)
      `#!/bin/sh\necho "node ran: $* (lock $\{ULTRON_RENDER_BATCH_LOCK:-not held})"\n`,
    );
    chmodSync(join(bin, 'node'), 0o755);
    return bin;
  }

  /** Runs the front in `ws` with the fake `node`. */
  function front(ws: string, env: Record<string, string> = {}) {
    const r = spawnSync('/bin/sh', [FRONT, 'workload.ts'], {
      cwd: ws,
      encoding: 'utf8',
      env: { PATH: `${fakeNode()}:/usr/bin:/bin`, ...env },
    });
    return { status: r.status, out: r.stdout };
  }

  const TURBO_BUILD = { TURBO_HASH: 'abc', npm_lifecycle_event: 'build' };

  it('exits at once, without Node, when every recorded input matches', () => {
    const { ws } = staged();
    const r = front(ws);
    expect(r.status).toBe(0);
    expect(r.out).toContain('staged slice is current');
    expect(r.out).not.toContain('node ran');
  });

  it('starts the Node render when an input changed, the slice is missing, or ULTRON_RENDER_BATCH=0', () => {
    const changed = staged();
    writeFileSync(join(changed.root, 'cluster/cluster.ts'), 'export default {};\n');
    expect(front(changed.ws).out).toMatch(
      /^node ran: .*bin\/ultron-render\.js workload\.ts \(lock not held\)$/m,
    );

    const missing = staged();
    spawnSync('rm', [join(missing.ws, '.ultron/slice.json')]);
    expect(front(missing.ws).out).toContain('node ran');

    const off = staged();
    expect(front(off.ws, { ULTRON_RENDER_BATCH: '0' }).out).toContain('node ran');
  });

  it('under turbo build, takes the batch lock for the Node render it starts (its pid, handed on by exec)', () => {
    const { root, ws } = staged();
    spawnSync('rm', [join(ws, '.ultron/slice.json')]);
    const r = front(ws, TURBO_BUILD);
    expect(r.out).toMatch(/node ran: .*workload\.ts \(lock held\)/);
    const lock = join(root, 'node_modules/.cache/ultron/render-batch.lock');
    expect(Number(readFileSync(join(lock, 'pid'), 'utf8'))).toBeGreaterThan(0);
  });

  it('while another render holds the lock, waits without Node and finds its slice current once released', async () => {
    const { root, ws } = staged();
    const lock = join(root, 'node_modules/.cache/ultron/render-batch.lock');
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'pid'), String(process.pid));
    const slice = readFileSync(join(ws, '.ultron/slice.json'), 'utf8');
    spawnSync('rm', [join(ws, '.ultron/slice.json')]);
    const child = spawn('/bin/sh', [FRONT, 'workload.ts'], {
      cwd: ws,
      env: { PATH: `${fakeNode()}:/usr/bin:/bin`, ...TURBO_BUILD },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(out).toBe('');
    // The "batch" stages the slice, then releases the lock.
    writeFileSync(join(ws, '.ultron/slice.json'), slice);
    rmSync(lock, { recursive: true });
    expect(await done).toBe(0);
    expect(out).toContain("staged slice is current (rendered by this build's batch)");
    expect(out).not.toContain('node ran');
  });

  it('does not wait for a lock whose owner died: Node renders (and takes the lock over)', () => {
    const { root, ws } = staged();
    const lock = join(root, 'node_modules/.cache/ultron/render-batch.lock');
    mkdirSync(lock, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    writeFileSync(join(lock, 'pid'), dead);
    spawnSync('rm', [join(ws, '.ultron/slice.json')]);
    expect(front(ws, TURBO_BUILD).out).toMatch(/node ran: .*\(lock not held\)/);
  });

  const hasShellcheck = spawnSync('sh', ['-c', 'command -v shellcheck']).status === 0;
  const canLint = prerequisite(
    'shellcheck of bin/ultron-render',
    hasShellcheck ? null : 'shellcheck is not installed (Debian package shellcheck)',
  );
  it.skipIf(!canLint)('passes shellcheck', () => {
    const r = spawnSync('shellcheck', ['--shell=sh', FRONT], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
