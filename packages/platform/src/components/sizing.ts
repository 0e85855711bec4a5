/**
 * Requests and limits of everything the platform runs. Requests are what the scheduler reserves on the
 * node (the single-node budget adds them up); limits cap a runaway component so it cannot starve k3s
 * itself or the apps. Every container the platform deploys gets both.
 */
export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/** `sized('50m', '128Mi', '500m', '256Mi')`: requests first, then limits. */
export function sized(cpu: string, memory: string, cpuLimit: string, memoryLimit: string): Resources {
  return { requests: { cpu, memory }, limits: { cpu: cpuLimit, memory: memoryLimit } };
}
