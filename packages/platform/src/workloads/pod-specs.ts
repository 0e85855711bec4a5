import type { PlainManifest } from '../render/manifest.js';

/** The value at a dotted path, e.g. `spec.template.spec`; absent when any step is not an object. */
const at = (v: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) =>
        o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[k] : undefined,
      v,
    );

/** The parts of a pod spec the kit's rules and the CLI read. */
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
    const spec = at(m, path);
    return spec && typeof spec === 'object' ? [{ path, spec: spec as PodSpecLike, replicas, transient }] : [];
  };
  switch (m.kind) {
    case 'Pod':
      return template('spec', 1);
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'Rollout':
      return template('spec.template.spec', count(at(m, 'spec.replicas'), 1));
    case 'DaemonSet':
      return template('spec.template.spec', 1);
    case 'Job':
      return template('spec.template.spec', count(at(m, 'spec.parallelism'), 1), true);
    case 'CronJob':
      return template(
        'spec.jobTemplate.spec.template.spec',
        count(at(m, 'spec.jobTemplate.spec.parallelism'), 1),
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
