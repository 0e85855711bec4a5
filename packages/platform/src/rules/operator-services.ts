import { KEYCLOAK_SERVICE } from '../conventions/names.js';
import { namespaceOf, type TreeEntry } from '../inspect/objects.js';
import type { PlainManifest } from '../render/manifest.js';

/**
 * Services operators create at run time for resources in the tree, so monitors may select them: the
 * Keycloak operator serves each Keycloak as `<name>-service`.
 */
export function operatorServices(entries: readonly TreeEntry[]): PlainManifest[] {
  return entries
    .filter((e) => e.manifest.kind === 'Keycloak' && e.manifest.apiVersion.startsWith('k8s.keycloak.org/'))
    .map(({ manifest: kc }) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: KEYCLOAK_SERVICE.name(kc.metadata.name ?? ''),
        namespace: namespaceOf(kc),
        labels: KEYCLOAK_SERVICE.labels(kc.metadata.name ?? ''),
      },
      spec: { ports: Object.entries(KEYCLOAK_SERVICE.ports).map(([name, port]) => ({ name, port })) },
    }));
}
