import { checkTree, rules } from '../../src/rules/index.js';
import type { Rule, TreeEntry } from '../../src/rules/rule.js';

/** Problems of one rule over some entries, as `path: message` lines. */
export const run = (rule: Rule, entries: TreeEntry[]) =>
  checkTree(entries, [rule]).map((p) => `${p.path}: ${p.message}`);
export const rule = (id: string) => rules.find((r) => r.id === id)!;
