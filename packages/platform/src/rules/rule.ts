import type { Problem } from '../errors/problem.js';
import type { TreeEntry } from '../inspect/objects.js';

/**
 * How much of the tree a rule must see to judge: `object` judges each object alone; `slice` relates
 * objects one slice renders together (an app's Service and its pods), so it can run on one app's render;
 * `tree` needs the whole assembled tree (every Application, project and namespace).
 */
export type RuleScope = 'object' | 'slice' | 'tree';

/** A check of rendered objects. Each rule lives in its own file with its test, fixtures and a line of doc. */
export interface Rule {
  /** Stable kebab-case id, used in messages and to find the rule's file, test and fixtures. */
  id: string;
  /** One sentence: what the rule guarantees. */
  doc: string;
  scope: RuleScope;
  check(entries: readonly TreeEntry[]): Problem[];
  /** An `object` rule's judgement of one object: `check` is this over every entry. */
  checkObject?(entry: TreeEntry): Problem[];
}

interface RuleHead {
  id: string;
  doc: string;
}

/** A rule judging each object alone: the runner hands it one object at a time. */
export interface ObjectRuleDefinition extends RuleHead {
  scope: 'object';
  checkObject(entry: TreeEntry): Problem[];
}

/** A rule relating objects to each other: it sees every object of the slice or tree at once. */
export interface SetRuleDefinition extends RuleHead {
  scope: 'slice' | 'tree';
  check(entries: readonly TreeEntry[]): Problem[];
}

export function defineRule(rule: ObjectRuleDefinition | SetRuleDefinition): Rule {
  if (rule.scope !== 'object') return rule;
  const { checkObject } = rule;
  return { ...rule, check: (entries) => entries.flatMap((entry) => checkObject(entry)) };
}
