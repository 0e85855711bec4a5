import type { Problem } from '../errors/problem.js';
import type { PlainManifest } from '../render/manifest.js';

/** One object of a rendered tree with the file it lives in (relative to the tree's root). */
export interface TreeEntry {
  file: string;
  manifest: PlainManifest;
}

/**
 * A check across objects. Each rule lives in its own file with a colocated test and a one-line doc;
 * it sees the whole set, so it can relate objects (a Service to its pods, a monitor to its port).
 */
export interface Rule {
  /** Stable kebab-case id, used in messages and to look up the rule's doc. */
  id: string;
  /** One sentence: what the rule guarantees. */
  doc: string;
  check(entries: readonly TreeEntry[]): Problem[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
