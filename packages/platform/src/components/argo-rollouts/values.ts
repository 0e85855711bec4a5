import { apiVersions, charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmRelease } from '../component.js';
import { sized } from '../sizing.js';

/** `--traefik-api-group` / `--traefik-api-version` (flags of rollouts-controller v1.9) for the pinned Traefik API. */
export function traefikApiArgs(): string[] {
  const group = apiVersions.traefik.split('/')[0];
  return [`--traefik-api-group=${group}`, `--traefik-api-version=${apiVersions.traefik}`];
}

export function argoRolloutsRelease(cluster: Cluster): HelmRelease {
  return {
    release: 'argo-rollouts',
    namespace: PLATFORM_NAMESPACES.argocd,
    chart: charts.argoRollouts,
    timeout: '10m',
    why: 'the canary controller every workload Rollout needs, installed before any workload syncs',
    values: {
      controller: {
        // Two replicas only elect a leader; on one node they buy nothing.
        replicas: 1,
        // Rollouts v1.9 drives TraefikServices through traefik.containo.us unless told otherwise; the
        // Traefik that k3s ships (v3) serves only the group the catalog pins, so the flags come from there.
        extraArgs: traefikApiArgs(),
        resources: sized('50m', '128Mi', '500m', '256Mi'),
        metrics: {
          enabled: true,
          serviceMonitor: {
            enabled: true,
            additionalLabels: { release: cluster.monitoring.prometheusRelease },
          },
        },
      },
      dashboard: { enabled: false },
    },
    policy: { unusedResources: ['dashboard.resources'] },
  };
}
