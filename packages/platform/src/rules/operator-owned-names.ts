import type { Problem } from '../errors/problem.js';
import { namespaceOf } from '../inspect/objects.js';
import { operatorOwned } from '../inspect/operators.js';
import { defineRule } from './rule.js';

/**
 * Rendering an object an operator also makes (same kind and name) makes Argo CD and the operator
 * overwrite each other on every reconcile, and the resource goes Degraded.
 */
export default defineRule({
  id: 'operator-owned-names',
  doc: 'The tree renders no object that an operator creates and owns for one of its resources (same kind, namespace and name).',
  scope: 'slice',
  check(entries) {
    const owners = new Map<string, string>();
    for (const { manifest } of entries) {
      for (const owned of operatorOwned(manifest)) {
        owners.set(
          `${owned.kind}/${namespaceOf(manifest)}/${owned.name}`,
          `${manifest.kind} ${manifest.metadata.name}`,
        );
      }
    }
    const problems: Problem[] = [];
    for (const { file, manifest } of entries) {
      const owner = owners.get(`${manifest.kind}/${namespaceOf(manifest)}/${manifest.metadata.name}`);
      if (!owner) continue;
      problems.push({
        path: `${file}: ${manifest.kind} ${namespaceOf(manifest)}/${manifest.metadata.name}`,
        message: `is created and owned by the operator for ${owner}; rendering it too makes both fight over it`,
        hint: `drop it, and configure the operator's own object through ${owner}'s spec instead`,
      });
    }
    return problems;
  },
});
