import { join } from 'node:path';
import { findRepoRoot } from '@ultron/platform';
import { CrdRegistry, loadTree, resolveCrds } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';

const root = join(findRepoRoot(import.meta.dirname), 'gitops');
const objects = loadTree(root);
const location = await resolveCrds();
const registry = 'dir' in location ? CrdRegistry.fromDirectory(location.dir) : null;
if (!registry) console.warn(`conformance tests skipped: ${'skip' in location ? location.skip : ''}`);

// The first object of each kind compiles its CRD's schema: seconds on a loaded 2-core CI machine.
describe.skipIf(!registry)(
  'every rendered object against the pinned upstream schemas',
  { timeout: 60_000 },
  () => {
    it('has loaded the pinned CRDs', () => {
      expect(registry!.size).toBeGreaterThan(10);
      expect(registry!.has('argoproj.io/v1alpha1', 'Rollout')).toBe(true);
    });

    it('renders a tree with objects in it', () => {
      expect(objects.length).toBeGreaterThan(5);
    });

    it.each(objects.map((o) => [`${o.file} ${o.manifest.kind}/${o.manifest.metadata.name}`, o] as const))(
      '%s',
      (_, o) => {
        const verdict = registry!.validate(o.manifest);
        expect(verdict.status === 'invalid' ? verdict.problems : []).toEqual([]);
      },
    );
  },
);
