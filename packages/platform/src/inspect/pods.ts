import type { PlainManifest } from '../render/manifest.js';
import { field } from './json.js';
import { namespaceOf, type TreeEntry } from './objects.js';

/** The parts of a pod spec the rules and the CLI read. */
export interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
  ephemeralContainers?: ContainerLike[];
  securityContext?: Record<string, unknown>;
  volumes?: Record<string, unknown>[];
  imagePullSecrets?: { name?: string }[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
}

export interface ContainerLike {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: {
    name: string;
    valueFrom?: { secretKeyRef?: { name?: string; key?: string; optional?: boolean } };
  }[];
  envFrom?: { secretRef?: { name?: string; optional?: boolean }; prefix?: string }[];
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  securityContext?: Record<string, unknown>;
  ports?: { name?: string; containerPort?: number; hostPort?: number }[];
}

export interface PodTemplate {
  /** Dotted path of the pod spec inside the object, e.g. `spec.template.spec`. */
  path: string;
  spec: PodSpecLike;
  /** Pods it keeps running (1 for Jobs: each runs one pod at a time unless parallelism says otherwise). */
  replicas: number;
  /** Jobs and CronJobs: their pods run for a while, then hold no resources. */
  transient: boolean;
}

const count = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

/**
 * Every pod template an object declares, for the workload kinds the tree uses: core controllers, Jobs,
 * CronJobs and Argo Rollouts. Operator-managed pods (CNPG, Keycloak) are described by their CRs instead.
 */
export function podTemplates(m: PlainManifest): PodTemplate[] {
  const template = (path: string, replicas: number, transient = false): PodTemplate[] => {
    const spec = field(m, ...path.split('.'));
    return spec && typeof spec === 'object' ? [{ path, spec: spec as PodSpecLike, replicas, transient }] : [];
  };
  switch (m.kind) {
    case 'Pod':
      return template('spec', 1);
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'Rollout':
      return template('spec.template.spec', count(field(m, 'spec', 'replicas'), 1));
    case 'DaemonSet':
      return template('spec.template.spec', 1);
    case 'Job':
      return template('spec.template.spec', count(field(m, 'spec', 'parallelism'), 1), true);
    case 'CronJob':
      return template(
        'spec.jobTemplate.spec.template.spec',
        count(field(m, 'spec', 'jobTemplate', 'spec', 'parallelism'), 1),
        true,
      );
    default:
      return [];
  }
}

/** Every container of a pod spec with where it sits, e.g. `containers[0]`. */
export function containersOf(spec: PodSpecLike): { path: string; container: ContainerLike }[] {
  return (['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((field) =>
    (spec[field] ?? []).map((container, i) => ({ path: `${field}[${i}]`, container })),
  );
}

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
      const labels = field(m, ...t.path.split('.').slice(0, -1), 'metadata', 'labels') as
        | Record<string, string>
        | undefined;
      out.push({ entry, namespace: namespaceOf(m), labels: labels ?? {}, ports, spec: t.spec, path: t.path });
    }
  }
  return out;
}
