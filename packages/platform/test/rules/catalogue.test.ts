import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSlice, checkTree, checkTreeKnowing, rules } from '../../src/rules/index.js';
import { pod, rollout, service } from './builders.js';
import { FIXTURES_DIR, fixtures } from './harness.js';

const SRC = join(import.meta.dirname, '..', '..', 'src', 'rules');
/** Files of `src/rules/` that are the runner and what rules share, not rules. */
const NOT_RULES = new Set(['index.ts', 'rule.ts', 'operator-services.ts']);

describe('rules catalogue', () => {
  it('has unique kebab-case ids, a scope and a one-sentence doc each', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['object', 'slice', 'tree']).toContain(r.scope);
      expect(r.doc).toMatch(/\.$/);
    }
  });

  it('registers every rule file, and every rule has its file, test file and fixtures', () => {
    const files = readdirSync(SRC).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const r of rules) {
      expect(existsSync(join(import.meta.dirname, `${r.id}.test.ts`)), `test/rules/${r.id}.test.ts`).toBe(
        true,
      );
      expect(fixtures(r.id, 'valid').length, `${r.id} valid fixtures`).toBeGreaterThan(0);
      expect(fixtures(r.id, 'invalid').length, `${r.id} invalid fixtures`).toBeGreaterThan(0);
    }
    expect(
      readdirSync(FIXTURES_DIR)
        .filter((d) => d !== 'cluster' && d !== 'crds')
        .sort(),
    ).toEqual(rules.map((r) => r.id).sort());
  });

  it('documents every rule in the README with its scope and exact doc line', () => {
    const readme = readFileSync(join(SRC, 'README.md'), 'utf8');
    for (const r of rules) expect(readme).toContain(`| \`${r.id}\` | ${r.scope} | ${r.doc} |`);
  });

  it('checks a slice with the rules that hold for it alone', () => {
    // The app's Service selects its pods, but nothing renders its Namespace or Application: only the
    // tree rules would notice, and a slice check leaves them out.
    expect(checkSlice([rollout(), service()])).toEqual([]);
    expect(checkSlice([rollout(), service('demo', { app: 'other' })])).toHaveLength(1);
  });

  it('skips the object rules, and only those, for objects known to have passed them', () => {
    const bad = rollout({}, pod({ containers: [{ name: 'app', image: 'ghcr.io/acme/demo:latest' }] }));
    const tree = [bad, service('demo', { app: 'other' })];
    const all = checkTreeKnowing(tree);
    expect(all.problems.map((p) => p.message)).toEqual(checkTree(tree).map((p) => p.message));
    expect(all.problems.some((p) => p.message.endsWith('[pinned-images]'))).toBe(true);
    expect([...all.objectRuleFailures]).toEqual([bad.file]);
    // Known to have passed: no object rule judges it again; the cross-object rules still see it.
    const knowing = checkTreeKnowing(tree, rules, (e) => e.file === bad.file);
    expect(knowing.problems.some((p) => p.message.endsWith('[pinned-images]'))).toBe(false);
    expect(knowing.problems.some((p) => p.message.endsWith('[service-selects-pods]'))).toBe(true);
    expect(knowing.objectRuleFailures.size).toBe(0);
  });
});
