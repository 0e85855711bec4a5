import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { prerequisite } from '../../../testing/prerequisites.js';

/**
 * The real engines the cluster runs, as Debian ships them: `.ci/run` installs them. A test that needs
 * one runs it; when the tool is missing the test is reported as skipped with the reason locally, and
 * fails under CI=true, so CI can never go green without having run the engine.
 */
export const ENGINES = {
  promtool: 'prometheus',
  amtool: 'prometheus-alertmanager',
  shellcheck: 'shellcheck',
  'lua5.4': 'lua5.4',
} as const;
export type Engine = keyof typeof ENGINES;

const found = new Map<Engine, boolean>();
export function hasEngine(name: Engine): boolean {
  if (!found.has(name)) found.set(name, spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
  return found.get(name)!;
}

/**
 * `it`, or — when the engine is missing — the repo's prerequisite rule: a skip that says why (locally,
 * in the run's summary), or a failure of the whole file under CI=true.
 */
export function itWith(engine: Engine) {
  const missing = hasEngine(engine)
    ? null
    : `${engine} is not installed (Debian package ${ENGINES[engine]}: apt-get install -y ${ENGINES[engine]})`;
  return prerequisite(`tests that run ${engine}`, missing) ? it : it.skip;
}

/** Runs an engine on files written into a fresh temp folder; returns its exit status and output. */
export function runEngine(
  engine: Engine,
  args: (dir: string) => string[],
  files: Record<string, string>,
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), `ultron-${engine}-`));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const r = spawnSync(engine, args(dir), {
      cwd: dir,
      encoding: 'utf8',
      env: options.env ?? process.env,
      input: options.input,
    });
    return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
