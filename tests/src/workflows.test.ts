import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itWith, runEngine } from './engines/tools.js';

/**
 * Bot pull requests and pushes are tested like a person's: GITHUB_TOKEN's own pushes and pull requests
 * start no workflow, so every workflow that pushes or opens one must dispatch CI on it (a dispatch is
 * the one event GITHUB_TOKEN may start), with the permission to do so.
 */
const root = findRepoRoot(import.meta.dirname);
const dir = join(root, '.github', 'workflows');
interface Step {
  name?: string;
  run?: string;
  uses?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((file) => ({ file, wf: parse(readFileSync(join(dir, file), 'utf8')) as Workflow }));
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps);
const scripts = (wf: Workflow) => steps(wf).flatMap((s) => (s.run ? [s.run] : []));

describe('bot changes get CI', () => {
  it('CI can be dispatched on a branch', () => {
    const ci = workflows.find((w) => w.file === 'ci.yml')!.wf;
    expect(Object.keys(ci.on)).toContain('workflow_dispatch');
  });

  const pushing = workflows.filter(({ wf }) =>
    steps(wf).some(
      (s) => /git push|gh pr create/.test(s.run ?? '') || s.uses?.startsWith('changesets/action'),
    ),
  );

  it('finds the workflows that push or open pull requests', () => {
    expect(pushing.map((w) => w.file)).toEqual(['image-bump.yml', 'release.yml', 'rerender.yml']);
  });

  it.each(pushing.map((w) => [w.file, w.wf] as const))('%s dispatches CI on what it pushes', (_, wf) => {
    expect(wf.permissions?.actions).toBe('write');
    expect(scripts(wf).join('\n')).toMatch(/gh workflow run ci\.yml --ref /);
  });

  it('re-renders Renovate’s pin bumps on its branch, and Renovate keeps managing that branch', () => {
    const rerender = workflows.find((w) => w.file === 'rerender.yml')!.wf;
    expect(rerender.on).toEqual({ push: { branches: ['renovate/**'] } });
    const script = scripts(rerender).join('\n');
    expect(script).toContain('pnpm turbo build');
    expect(script).toContain('git add -A gitops');
    const renovate = JSON.parse(readFileSync(join(root, 'renovate.json'), 'utf8')) as {
      gitIgnoredAuthors: string[];
    };
    const email = /user\.email "([^"]+)"/.exec(script)![1]!;
    expect(renovate.gitIgnoredAuthors).toContain(email);
  });
});

describe('every workflow script passes shellcheck', () => {
  const all = workflows.flatMap(({ file, wf }) =>
    steps(wf).flatMap((s, i) => (s.run ? [[`${file} step ${s.name ?? i}`, s.run] as const] : [])),
  );
  for (const [name, script] of all) {
    itWith('shellcheck')(name, () => {
      // GitHub expressions are substituted before the shell runs: stand in a plain word for each.
      const text = script.replace(/\$\{\{[^}]*\}\}/g, 'EXPR');
      const run = runEngine('shellcheck', () => ['-s', 'bash', 'step.sh'], { 'step.sh': text });
      expect(run.output).toBe('');
      expect(run.status).toBe(0);
    });
  }
});
