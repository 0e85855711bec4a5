import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock older than this is a crashed build's, whatever its owner's pid now belongs to. */
const STALE_MS = 10 * 60_000;

export type LockOutcome = { held: true; release(): void } | { held: false; waitedMs: number };

function ownerAlive(dir: string): boolean {
  try {
    const age = Date.now() - statSync(dir).mtimeMs;
    if (age > STALE_MS) return false;
    const pid = Number(existsSync(join(dir, 'pid')) ? readFileSync(join(dir, 'pid'), 'utf8') : '');
    // No pid yet: its owner is just starting, or died right after taking the lock.
    if (!Number.isInteger(pid) || pid <= 0) return age < 5_000;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // ESRCH: no such process. EPERM: alive but someone else's. ENOENT: released meanwhile.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock at `dir` (a folder: `mkdir` either creates it or fails, on every file system), or, when
 * another process holds it, waits until it is released and says so without taking it. A lock whose owner
 * died is taken over. Waiting stops after `maxWaitMs`; the caller then goes on alone.
 */
export async function lockOrWait(dir: string, maxWaitMs = 5 * 60_000): Promise<LockOutcome> {
  mkdirSync(dirname(dir), { recursive: true });
  const started = Date.now();
  const waited = () => ({ held: false as const, waitedMs: Date.now() - started });
  let first = true;
  for (;;) {
    if (first) {
      try {
        mkdirSync(dir);
        writeFileSync(join(dir, 'pid'), String(process.pid));
        let released = false;
        return {
          held: true,
          release() {
            if (released) return;
            released = true;
            releaseLock(dir);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    } else if (!existsSync(dir)) {
      // Released: what we waited for is done. Not taken: one batch per build is the point.
      return waited();
    }
    if (!ownerAlive(dir)) {
      rmSync(dir, { recursive: true, force: true });
      // A crashed owner's lock is taken over; one that died while we waited leaves us to go on alone.
      if (first) continue;
      return waited();
    }
    if (Date.now() - started > maxWaitMs) return waited();
    first = false;
    await sleep(25);
  }
}

/** Removes the lock folder (its owner is done, or the lock was taken for it by the shell front). */
export function releaseLock(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
