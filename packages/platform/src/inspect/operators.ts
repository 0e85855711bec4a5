import { KEYCLOAK_SERVICE } from '../conventions/names.js';
import type { PlainManifest } from '../render/manifest.js';
import { field } from './json.js';
import { groupKind } from './objects.js';

/** An object an operator creates and owns for a custom resource in the tree (in the resource's namespace). */
export interface OperatorOwned {
  kind: string;
  name: string;
}

/** What each operator makes for a resource of the tree, read at the pinned tags; keyed by `group/Kind`. */
const OWNED: Record<string, (m: PlainManifest) => OperatorOwned[]> = {
  // Keycloak operator 26.6: the StatefulSet, its Services, the initial admin Secret, and a
  // ServiceMonitor when metrics are enabled and spec.serviceMonitor.enabled is not false.
  'k8s.keycloak.org/Keycloak': (m) => {
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
  'postgresql.cnpg.io/Cluster': (m) => {
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

/** The objects operators create and own for this resource; none for objects no operator acts on. */
export function operatorOwned(m: PlainManifest): OperatorOwned[] {
  return OWNED[groupKind(m)]?.(m) ?? [];
}
