import type { PodTemplate } from './workloads.js';

export interface Container {
  name: string;
  image?: string;
  securityContext?: Record<string, unknown>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** Every container and init container of a pod template, with its path for messages. */
export function containersOf(pod: PodTemplate): { at: string; c: Container }[] {
  return (['initContainers', 'containers'] as const).flatMap((key) =>
    ((pod.spec[key] as Container[]) ?? []).map((c) => ({ at: `${key}[${c.name}]`, c })),
  );
}
