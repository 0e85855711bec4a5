import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assembleSlices,
  checkTree,
  isUserError,
  type Problem,
  RESERVED_NAMES,
  type RenderedSlice,
  readTreeFiles,
  renderSlice,
} from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { defineWorkload, type WorkloadInput } from '@ultron/workload-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeIfClean } from '../src/lib/assemble.ts';
import { budgetCheck } from '../src/lib/budget-check.ts';
import { loadCluster } from '../src/lib/cluster.ts';
import { loadSlice, renderWorkspaces } from '../src/lib/workspaces.ts';
import { REAL_ROOT } from './helpers.ts';

const cluster = await loadCluster(REAL_ROOT);
/** The platform's own slices (bootstrap and components), rendered once: the random apps join them. */
const platform: RenderedSlice[] = [];
for (const ws of renderWorkspaces({ root: REAL_ROOT, treeDir: '' }))
  if (!ws.source.startsWith('workloads/')) platform.push(renderSlice(await loadSlice(ws), ws.source));
const committed = readTreeFiles(join(REAL_ROOT, 'gitops'));

interface App {
  folder: string;
  name: string;
  host: string;
  cpu: string;
  replicas: number;
}

// Small pools, so names and hosts collide often; now and then a platform name, a workspace folder that
// does not carry its app's name, or one huge request. Each defect is rare enough to often come alone.
const often = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: common, weight: 10 }, { arbitrary: rare, weight: 1 });
const appArb = fc.record({
  name: often(fc.constantFrom('alpha', 'beta', 'gamma', 'delta'), fc.constantFrom(...RESERVED_NAMES.keys())),
  renamed: often(fc.constant(false), fc.constant(true)),
  host: fc.constantFrom('a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com'),
  cpu: often(fc.constantFrom('25m', '50m', '100m'), fc.constant('64')),
  replicas: fc.integer({ min: 1, max: 2 }),
});
/** Apps as they sit in a repo: two workspaces cannot share a folder, so a repeated name gets another. */
const apps: fc.Arbitrary<App[]> = fc.array(appArb, { minLength: 1, maxLength: 4 }).map((list) => {
  const folders = new Set<string>();
  return list.map(({ renamed, ...a }, i) => {
    let folder = renamed ? `${a.name}-old` : a.name;
    if (folders.has(folder)) folder = `${a.name}-${i}`;
    folders.add(folder);
    return { ...a, folder };
  });
});

function input(a: App): WorkloadInput {
  return {
    name: a.name,
    domain: a.host,
    hosts: [a.host],
    image: `ghcr.io/ultron-infra/${a.name}:sha-1a2b3c4`,
    replicas: a.replicas,
    resources: { requests: { cpu: a.cpu, memory: '64Mi' }, limits: { memory: '128Mi' } },
    database: false,
    migrations: false,
  };
}

/** What must make the build fail, worked out from the inputs alone (not from the checks under test). */
function expectedDefects(apps: readonly App[]): string[] {
  const defects: string[] = [];
  const count = <T>(values: T[]) => values.some((v, i) => values.indexOf(v) !== i);
  if (apps.some((a) => RESERVED_NAMES.has(a.name))) defects.push('reserved name');
  if (count(apps.map((a) => a.name))) defects.push('duplicate name');
  if (apps.some((a) => a.folder !== a.name)) defects.push('folder differs from name');
  if (count(apps.map((a) => a.host))) defects.push('duplicate host');
  // The platform requests under 2 of the node's 4 CPUs; the apps here ask 0.4 at most, or 64.
  if (apps.some((a) => a.cpu === '64')) defects.push('over budget');
  return defects;
}

/** One `pnpm turbo build` of a repo with these apps: render each slice, assemble, write only when clean. */
function build(treeDir: string, apps: readonly App[]): { problems: Problem[]; written: boolean } {
  const problems: Problem[] = [];
  const slices = [...platform];
  for (const a of apps) {
    try {
      slices.push(renderSlice(defineWorkload(cluster, input(a)), `workloads/${a.folder}`));
    } catch (error) {
      if (!isUserError(error)) throw error;
      problems.push(...error.problems);
    }
  }
  // A failed definition stops its workspace's build, so turbo never runs the assemble step.
  if (problems.length > 0) return { problems, written: false };
  const assembly = assembleSlices(slices, { checks: [budgetCheck(cluster)] });
  return { problems: assembly.problems, written: writeIfClean(treeDir, assembly) !== undefined };
}

describe('whole repos with random, sometimes colliding apps', () => {
  it('either build a tree that passes every rule, or fail listing the problems with the tree untouched', () => {
    // What the runs covered: a generator that never produced a defect alone would prove nothing about it.
    const seen = new Set<string>();
    fc.assert(
      fc.property(apps, (apps) => {
        const treeDir = join(mkdtempSync(join(tmpdir(), 'ultron-prop-')), 'gitops');
        cpSync(join(REAL_ROOT, 'gitops'), treeDir, { recursive: true });
        const defects = expectedDefects(apps);
        seen.add(defects.length ? defects.join(' + ') : 'clean');
        const { problems, written } = build(treeDir, apps);
        const after = readTreeFiles(treeDir);
        if (defects.length > 0 || problems.length > 0) {
          // Never a partial tree: exactly the committed bytes, not one file more or less.
          expect(written).toBe(false);
          expect(after).toEqual(committed);
          expect(problems.length, `expected problems for: ${defects.join(', ')}`).toBeGreaterThan(0);
          for (const p of problems) expect(p.path.length + p.message.length).toBeGreaterThan(0);
          // A repo the inputs say is fine must build: the checks have no false alarms.
          expect(defects, problems.map((p) => `${p.path}: ${p.message}`).join('\n')).not.toEqual([]);
          return;
        }
        expect(written).toBe(true);
        const objects = loadTree(treeDir);
        expect(checkTree(objects)).toEqual([]);
        for (const a of apps) expect(after.has(`apps/${a.name}.yaml`)).toBe(true);
        const appNames = objects
          .filter((o) => o.manifest.kind === 'Application')
          .map((o) => o.manifest.metadata.name);
        expect(new Set(appNames).size).toBe(appNames.length);
      }),
      { numRuns: 120, seed: 11 },
    );
    for (const alone of [
      'clean',
      'reserved name',
      'duplicate host',
      'over budget',
      'folder differs from name',
    ])
      expect([...seen]).toContain(alone);
    expect([...seen].some((s) => s.includes('duplicate name'))).toBe(true);
  }, 300_000);
});
