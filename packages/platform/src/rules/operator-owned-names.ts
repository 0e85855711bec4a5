import { KEYCLOAK_SERVICE } from '../conventions/names.js';
import type { Problem } from '../errors/problem.js';
import { field } from '../inspect/json.js';
import { namespaceOf } from '../inspect/objects.js';
import type { PlainManifest } from '../render/manifest.js';
import { defineRule } from './rule.js';

/** An object an operator creates and owns for a custom resource in the tree. */
interface Owned {
  kind: string;
  name: string;
}

/**
 * What each operator makes for a resource of the tree (read at the pinned tags): rendering an object
 * of the same kind and name makes Argo CD and the operator overwrite each other on every reconcile,
 * and the resource goes Degraded.
 */
const OWNED: Record<string, (m: PlainManifest) => Owned[]> = {
  // Keycloak operator 26.6: the StatefulSet, its Services, the initial admin Secret, and a
  // ServiceMonitor when metrics are enabled and spec.serviceMonitor.enabled is not false.
  Keycloak: (m) => {
    const name = m.metadata.name ?? '';
    const options = (field(m, 'spec', 'additionalOptions') as { name: string; value?: string }[]) ?? [];
    const metrics = options.some((o) => o.name === 'metrics-enabled' && o.value === 'true');
    const monitor = metrics && field(m, 'spec', 'serviceMonitor', 'enabled') !== false;
    return [
      { kind: 'StatefulSet', name },
      { kind: 'Service', name: KEYCLOAK_SERVICE.name(name) },
      { kind: 'Service', name: `${name}-discovery` },
      { kind: 'Secret', name: `${name}-initial-admin` },
      ...(monitor ? [{ kind: 'ServiceMonitor', name }] : []),
    ];
  },
  // CloudNativePG 1.29: the rw/ro/r Services, generated Secrets, and a PodMonitor on request.
  Cluster: (m) => {
    if (!m.apiVersion.startsWith('postgresql.cnpg.io/')) return [];
    const name = m.metadata.name ?? '';
    const podMonitor = field(m, 'spec', 'monitoring', 'enablePodMonitor') === true;
    return [
      ...['rw', 'ro', 'r'].map((s) => ({ kind: 'Service', name: `${name}-${s}` })),
      ...['app', 'superuser', 'ca', 'server', 'replication'].map((s) => ({
        kind: 'Secret',
        name: `${name}-${s}`,
      })),
      ...(podMonitor ? [{ kind: 'PodMonitor', name }] : []),
    ];
  },
};

export default defineRule({
  id: 'operator-owned-names',
  doc: 'The tree renders no object that an operator creates and owns for one of its resources (same kind, namespace and name).',
  scope: 'slice',
  check(entries) {
    const owners = new Map<string, string>();
    for (const { manifest } of entries) {
      for (const owned of OWNED[manifest.kind]?.(manifest) ?? []) {
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
