import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockOrWait } from '../../src/batch/lock.js';
import { tempDir } from '../helpers.js';

describe('the batch lock', () => {
  it('is taken when free, and released', async () => {
    const dir = join(tempDir('ultron-lock-'), 'nested/render.lock');
    const lock = await lockOrWait(dir);
    expect(lock.held).toBe(true);
    expect(existsSync(dir)).toBe(true);
    if (lock.held) lock.release();
    expect(existsSync(dir)).toBe(false);
  });

  it('held by a live process: waits until it is released, then goes on without taking it', async () => {
    const dir = join(tempDir('ultron-lock-'), 'render.lock');
    mkdirSync(dir);
    writeFileSync(join(dir, 'pid'), String(process.pid));
    setTimeout(() => rmSync(dir, { recursive: true, force: true }), 150);
    const outcome = await lockOrWait(dir);
    expect(outcome.held).toBe(false);
    if (!outcome.held) expect(outcome.waitedMs).toBeGreaterThanOrEqual(100);
    expect(existsSync(dir)).toBe(false);
  });

  it('stops waiting after maxWaitMs', async () => {
    const dir = join(tempDir('ultron-lock-'), 'render.lock');
    mkdirSync(dir);
    writeFileSync(join(dir, 'pid'), String(process.pid));
    const outcome = await lockOrWait(dir, 100);
    expect(outcome.held).toBe(false);
    expect(existsSync(dir)).toBe(true);
  });

  it('left by a process that died: taken over', async () => {
    const dir = join(tempDir('ultron-lock-'), 'render.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    mkdirSync(dir);
    writeFileSync(join(dir, 'pid'), dead);
    const lock = await lockOrWait(dir, 1_000);
    expect(lock.held).toBe(true);
    if (lock.held) lock.release();
  });
});
