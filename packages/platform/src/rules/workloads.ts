import type { PlainManifest } from '../render/manifest.js';
import type { TreeEntry } from './rule.js';

/** A pod template found in the tree, with what rules need to know about it. */
export interface PodTemplate {
  entry: TreeEntry;
  namespace: string;
  labels: Record<string, string>;
  /** Named container ports. */
  ports: Map<string, number>;
  spec: Record<string, unknown>;
}

const get = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );

/** Where each kind keeps its pod template. */
const TEMPLATE_PATHS: Record<string, string[]> = {
  Rollout: ['spec', 'template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** CNPG runs Postgres pods labelled with their cluster's name, exposing these ports. */
const CNPG_PORTS: [string, number][] = [
  ['postgresql', 5432],
  ['status', 8000],
  ['metrics', 9187],
];

export function namespaceOf(m: PlainManifest): string {
  return m.metadata.namespace ?? '';
}

export function podTemplates(entries: readonly TreeEntry[]): PodTemplate[] {
  const out: PodTemplate[] = [];
  for (const entry of entries) {
    const m = entry.manifest;
    if (m.kind === 'Cluster' && m.apiVersion.startsWith('postgresql.cnpg.io/')) {
      out.push({
        entry,
        namespace: namespaceOf(m),
        labels: { 'cnpg.io/cluster': m.metadata.name ?? '' },
        ports: new Map(CNPG_PORTS),
        spec: {},
      });
      continue;
    }
    const path = TEMPLATE_PATHS[m.kind];
    if (!path) continue;
    const template = get(m, ...path) as Record<string, unknown> | undefined;
    if (!template) continue;
    const spec = (template.spec ?? {}) as Record<string, unknown>;
    const ports = new Map<string, number>();
    for (const c of [
      ...((spec.containers as unknown[]) ?? []),
      ...((spec.initContainers as unknown[]) ?? []),
    ]) {
      for (const p of (get(c, 'ports') as { name?: string; containerPort: number }[] | undefined) ?? []) {
        if (p.name) ports.set(p.name, p.containerPort);
      }
    }
    out.push({
      entry,
      namespace: namespaceOf(m),
      labels: (get(template, 'metadata', 'labels') as Record<string, string>) ?? {},
      ports,
      spec,
    });
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
 * Services operators create at run time for resources in the tree, so monitors may select them: the
 * Keycloak operator serves each Keycloak as `<name>-service` with these labels and ports.
 */
export function operatorServices(entries: readonly TreeEntry[]): PlainManifest[] {
  return entries
    .filter((e) => e.manifest.kind === 'Keycloak' && e.manifest.apiVersion.startsWith('k8s.keycloak.org/'))
    .map(({ manifest: kc }) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: `${kc.metadata.name}-service`,
        namespace: namespaceOf(kc),
        labels: {
          app: 'keycloak',
          'app.kubernetes.io/instance': kc.metadata.name ?? '',
          'app.kubernetes.io/managed-by': 'keycloak-operator',
        },
      },
      spec: {
        ports: [
          { name: 'http', port: 8080 },
          { name: 'https', port: 8443 },
          { name: 'management', port: 9000 },
        ],
      },
    }));
}
