import { appNames } from '@ultron/platform/core';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { MergedContributions } from '../capabilities/capability.js';
import type { Workload } from '../definition/schema.js';

export const PORT_NAME = 'http';
/** Non-root UID/GID of distroless "nonroot" images. */
const NONROOT = 65532;

/** Pod-level settings that pass Pod Security "restricted". */
export const podSecurityContext: IPodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: NONROOT,
  runAsGroup: NONROOT,
  fsGroup: NONROOT,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** Container-level settings that pass Pod Security "restricted", with a read-only root filesystem. */
export const containerSecurityContext: ISecurityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The one writable place in the container. */
export const tmpVolume: IVolume = { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } };
export const tmpMount = { name: 'tmp', mountPath: '/tmp' };

/** The requests and limits of the app's own containers, with no empty CPU limit. */
export function resources(w: Workload) {
  return {
    requests: { cpu: w.resources.requests.cpu, memory: w.resources.requests.memory },
    limits: {
      memory: w.resources.limits.memory,
      ...(w.resources.limits.cpu ? { cpu: w.resources.limits.cpu } : {}),
    },
  };
}

/**
 * Readiness always: a bad config keeps new pods un-Ready, so the canary never promotes (the
 * platform's safe cut-over). Liveness and startup only where the app declares a path: a liveness
 * probe on a path the app does not serve restarts healthy pods forever.
 */
function probes(w: Workload): Pick<IContainer, 'readinessProbe' | 'livenessProbe' | 'startupProbe'> {
  const get = (path: string) => ({ httpGet: { path, port: PORT_NAME } });
  return {
    readinessProbe: { ...get(w.probes.readiness), periodSeconds: 5, failureThreshold: 3 },
    ...(w.probes.liveness
      ? { livenessProbe: { ...get(w.probes.liveness), periodSeconds: 10, failureThreshold: 6 } }
      : {}),
    // Up to 5 minutes to start; liveness only counts once the startup probe passed.
    ...(w.probes.startup
      ? { startupProbe: { ...get(w.probes.startup), periodSeconds: 5, failureThreshold: 60 } }
      : {}),
  };
}

/**
 * The app container: one port named `http` serving the API and /metrics, readiness on /readyz; the
 * environment and volumes other capabilities contribute.
 */
export function appContainer(w: Workload, merged: MergedContributions): IContainer {
  return {
    name: appNames(w.name).container,
    image: w.image,
    imagePullPolicy: 'IfNotPresent',
    ports: [{ name: PORT_NAME, containerPort: w.port, protocol: 'TCP' }],
    env: [...merged.env, ...merged.servingEnv],
    resources: resources(w),
    ...probes(w),
    securityContext: containerSecurityContext,
    volumeMounts: [tmpMount, ...merged.volumes.map((v) => v.mount)],
  };
}

/** The app pod's volumes: `/tmp`, then the ones other capabilities contribute. */
export function appVolumes(merged: MergedContributions): IVolume[] {
  return [tmpVolume, ...merged.volumes.map((v) => v.volume)];
}

/** Labels every pod of the app carries; `app: <app>` is what Services and monitors select. */
export function podLabels(w: Workload): Record<string, string> {
  return { app: w.name };
}

/** The pod's pull secret, if the app's images are private (the cluster's default already applied). */
export function pullSecrets(w: Workload): { imagePullSecrets?: { name: string }[] } {
  return w.imagePullSecret ? { imagePullSecrets: [{ name: w.imagePullSecret }] } : {};
}
