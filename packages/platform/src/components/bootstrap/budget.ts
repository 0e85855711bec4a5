import type { Cluster } from '../../cluster/schema.js';
import { parseQuantity } from '../../schema/fields.js';
import type { Component } from '../component.js';
import { helmReleases } from '../lookups.js';
import { COMPONENTS } from '../registry.js';

/** What one Helm-installed component reserves on the node(s). */
export interface HelmLayerRequest {
  release: string;
  namespace: string;
  /** Sum of the CPU (cores) and memory (bytes) requests of every container its values size. */
  requests: { cpu: number; memory: number };
}

/** Adds up every `resources.requests` with CPU and memory in a values tree (PVC storage requests have neither). */
function sumRequests(values: unknown): { cpu: number; memory: number } {
  const sum = { cpu: 0, memory: 0 };
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const requests = (node as { resources?: { requests?: { cpu?: string; memory?: string } } }).resources
      ?.requests;
    if (requests?.cpu && requests.memory) {
      sum.cpu += parseQuantity(requests.cpu);
      sum.memory += parseQuantity(requests.memory);
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(values);
  return sum;
}

/**
 * The requests of the layer the rendered manifests do not show: the Helm releases and what k3s bundles
 * (Traefik), sized by their values (one replica each). The single-node budget adds these to the tree's.
 */
export function helmLayerRequests(
  cluster: Cluster,
  registry: readonly Component[] = COMPONENTS,
): HelmLayerRequest[] {
  return [
    ...helmReleases(cluster, registry).map((r) => ({
      release: r.release,
      namespace: r.namespace,
      requests: sumRequests(r.values),
    })),
    ...registry.flatMap((c) =>
      c.install === 'k3s'
        ? [{ release: c.name, namespace: c.namespace, requests: sumRequests(c.values(cluster)) }]
        : [],
    ),
  ];
}
