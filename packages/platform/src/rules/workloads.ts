import type { Component } from '../components/component.js';
import { operatorServiceSpecs } from '../components/lookups.js';
import { COMPONENTS } from '../components/registry.js';
import type { PlainManifest } from '../render/manifest.js';
import { containersOf, type PodSpecLike, podTemplates } from '../workloads/pod-specs.js';
import type { TreeEntry } from './rule.js';

const get = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );

/** A pod the tree makes run: where it is declared, its labels and its named container ports. */
export interface RenderedPod {
  entry: TreeEntry;
  namespace: string;
  labels: Record<string, string>;
  /** Named container ports. */
  ports: Map<string, number>;
  /** The pod spec; empty for operator-run pods (CNPG), which their operator configures. */
  spec: PodSpecLike;
  /** Dotted path of the spec in the object, e.g. `spec.template.spec`. */
  path: string;
}

/** CNPG runs Postgres pods labelled with their cluster's name, exposing these ports. */
const CNPG_PORTS: [string, number][] = [
  ['postgresql', 5432],
  ['status', 8000],
  ['metrics', 9187],
];

export function namespaceOf(m: PlainManifest): string {
  return m.metadata.namespace ?? '';
}

/** Every pod the tree makes run: pod templates of workload kinds, plus the pods of CNPG clusters. */
export function renderedPods(entries: readonly TreeEntry[]): RenderedPod[] {
  const out: RenderedPod[] = [];
  for (const entry of entries) {
    const m = entry.manifest;
    if (m.kind === 'Cluster' && m.apiVersion.startsWith('postgresql.cnpg.io/')) {
      out.push({
        entry,
        namespace: namespaceOf(m),
        labels: { 'cnpg.io/cluster': m.metadata.name ?? '' },
        ports: new Map(CNPG_PORTS),
        spec: {},
        path: '',
      });
      continue;
    }
    for (const t of podTemplates(m)) {
      const ports = new Map<string, number>();
      for (const { container } of containersOf(t.spec)) {
        for (const p of container.ports ?? []) {
          if (p.name && p.containerPort !== undefined) ports.set(p.name, p.containerPort);
        }
      }
      // The template's metadata sits beside its spec: `spec.template.spec` → `spec.template.metadata`.
      const labels = get(m, ...t.path.split('.').slice(0, -1), 'metadata', 'labels') as
        | Record<string, string>
        | undefined;
      out.push({ entry, namespace: namespaceOf(m), labels: labels ?? {}, ports, spec: t.spec, path: t.path });
    }
  }
  return out;
}

/** Equality-based label selection, as Services and `matchLabels` use it. */
export function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export function ofKind(entries: readonly TreeEntry[], ...kinds: string[]): TreeEntry[] {
  return entries.filter((e) => kinds.includes(e.manifest.kind));
}

export { get as field };

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
