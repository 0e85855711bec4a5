import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prerequisite } from '../../../../testing/prerequisites.js';
import {
  FileHashes,
  INPUTS_FILE,
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
  /** Runs the front in `ws` with a `node` on PATH that only says it ran. */
  function front(ws: string, env: Record<string, string> = {}) {
    const bin = tempDir('ultron-fake-node-');
    writeFileSync(join(bin, 'node'), '#!/bin/sh\necho "node ran: $*"\n');
    chmodSync(join(bin, 'node'), 0o755);
    const r = spawnSync('/bin/sh', [FRONT, 'workload.ts'], {
      cwd: ws,
      encoding: 'utf8',
      env: { PATH: `${bin}:/usr/bin:/bin`, ...env },
    });
    return { status: r.status, out: r.stdout };
  }

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
    expect(front(changed.ws).out).toMatch(/^node ran: .*bin\/ultron-render\.js workload\.ts$/m);

    const missing = staged();
    spawnSync('rm', [join(missing.ws, '.ultron/slice.json')]);
    expect(front(missing.ws).out).toContain('node ran');

    const off = staged();
    expect(front(off.ws, { ULTRON_RENDER_BATCH: '0' }).out).toContain('node ran');
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
