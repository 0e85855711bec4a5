import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import type { TreeEntry } from '../../src/inspect/objects.js';
import { checkTree, rules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';

/** Problems of one rule over some entries, as `path: message` lines. */
export const run = (rule: Rule, entries: readonly TreeEntry[]) =>
  checkTree(entries, [rule]).map((p) => `${p.path}: ${p.message}`);

export const rule = (id: string) => {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

/** One fixture: a small tree, and for an invalid one the problems the rule must report on it. */
export interface Fixture {
  name: string;
  entries: TreeEntry[];
  expected: string[];
}

/**
 * Reads `test/fixtures/<rule id>/{valid,invalid}/*.yaml`. A fixture file is one tree of YAML documents;
 * a `# file: <tree path>` comment places the document below it (else it lives in `<fixture>.yaml`), and
 * `# expect: <path: message [rule]>` lines list, in order, every problem an invalid fixture produces.
 */
export function fixtures(id: string, kind: 'valid' | 'invalid'): Fixture[] {
  const dir = join(FIXTURES_DIR, id, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const comment = (key: string, chunk: string) =>
        [...chunk.matchAll(new RegExp(`^# ${key}: (.*)$`, 'gm'))].map((m) => m[1]!.trim());
      const entries = text.split(/^---$/m).flatMap((chunk) => {
        const manifest = parse(chunk) as TreeEntry['manifest'] | null;
        return manifest ? [{ file: comment('file', chunk)[0] ?? f, manifest }] : [];
      });
      return { name: f.replace(/\.yaml$/, ''), entries, expected: comment('expect', text) };
    });
}

/** Every valid fixture of the rule passes it; every invalid one produces exactly its expected problems. */
export function itChecksFixtures(r: Rule): void {
  for (const f of fixtures(r.id, 'valid'))
    it(`passes valid/${f.name}`, () => {
      expect(run(r, f.entries)).toEqual([]);
    });
  for (const f of fixtures(r.id, 'invalid'))
    it(`reports invalid/${f.name}`, () => {
      expect(f.expected.length).toBeGreaterThan(0);
      expect(run(r, f.entries)).toEqual(f.expected);
    });
}
