import { join } from 'node:path';
import { checkTree, findRepoRoot, rules } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';

const entries = loadTree(join(findRepoRoot(import.meta.dirname), 'gitops'));

describe('the rendered tree holds together across objects', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s', (_, rule) => {
    expect(checkTree(entries, [rule])).toEqual([]);
  });
});
