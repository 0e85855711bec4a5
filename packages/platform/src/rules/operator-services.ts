import type { Component } from '../components/component.js';
import { operatorServiceSpecs } from '../components/lookups.js';
import { COMPONENTS } from '../components/registry.js';
import { namespaceOf, type TreeEntry } from '../inspect/objects.js';
import type { PlainManifest } from '../render/manifest.js';

/**
 * Services operators create at run time for resources in the tree, so monitors may select them: each
 * component declares the Services its operator creates (the Keycloak operator's `<name>-service`).
 */
export function operatorServices(
  entries: readonly TreeEntry[],
  registry: readonly Component[] = COMPONENTS,
): PlainManifest[] {
  return operatorServiceSpecs(registry).flatMap((svc) =>
    entries
      .filter((e) => e.manifest.kind === svc.kind && e.manifest.apiVersion.startsWith(`${svc.group}/`))
      .map(({ manifest: cr }) => {
        const instance = cr.metadata.name ?? '';
        return {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: svc.name(instance), namespace: namespaceOf(cr), labels: svc.labels(instance) },
          spec: { ports: svc.ports.map((p) => ({ ...p })) },
        };
      }),
  );
}
