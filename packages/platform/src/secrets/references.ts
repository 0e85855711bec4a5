import type { TreeEntry } from '../inspect/objects.js';
import {
  createdSecrets,
  type KeyRole,
  privateRepositories,
  type SecretType,
  secretId,
  secretReferences,
} from '../inspect/secrets.js';
import { byCodePoint } from './order.js';

/** An object of the rendered tree (or of one slice); where it lives does not matter here. */
type TreeObject = Pick<TreeEntry, 'manifest'>;

/** One Secret the tree needs but does not create: someone must create it out of band. */
export interface SecretNeed {
  namespace: string;
  name: string;
  type: SecretType;
  /** Keys the tree reads, sorted; empty when a consumer takes every key (envFrom). */
  keys: string[];
  roles: Record<string, KeyRole>;
  /** Who reads it and why, one line each. */
  purposes: string[];
  /** Every reader marked it optional. */
  optional: boolean;
  /** Keys whose value the tree already knows (not secret, e.g. a repository URL): prefilled in the runbook. */
  known: Record<string, string>;
  /** Labels the consumer finds it by (Argo CD's repository secrets). */
  labels: Record<string, string>;
}

/**
 * Every Secret the rendered tree reads but nothing in it creates, merged per namespace/name: the runbook of
 * what an operator must create by hand after a rebuild.
 */
export function outOfBandSecrets(
  objects: readonly TreeObject[],
  /** Objects rendered beside these (e.g. the rest of the app): what they create counts as created. */
  context: readonly TreeObject[] = [],
): SecretNeed[] {
  const made = createdSecrets([...objects, ...context]);
  const repos = privateRepositories(objects);
  const needs = new Map<string, SecretNeed>();
  for (const { manifest: m } of objects) {
    for (const r of secretReferences(m, repos)) {
      const key = secretId(r.namespace, r.name);
      if (made.has(key)) continue;
      const need = needs.get(key) ?? {
        namespace: r.namespace,
        name: r.name,
        type: r.type ?? 'generic',
        keys: [],
        roles: {},
        purposes: [],
        optional: true,
        known: {},
        labels: {},
      };
      if (r.key && !need.keys.includes(r.key)) need.keys.push(r.key);
      if (r.key && r.role) need.roles[r.key] = r.role;
      if (!need.purposes.includes(r.purpose)) need.purposes.push(r.purpose);
      need.optional &&= r.optional === true;
      Object.assign(need.known, r.known);
      Object.assign(need.labels, r.labels);
      needs.set(key, need);
    }
  }
  return [...needs.values()]
    .map((n) => ({ ...n, keys: n.keys.sort() }))
    .sort((a, b) => byCodePoint(a.namespace, b.namespace) || byCodePoint(a.name, b.name));
}
