import { charts } from '../../../catalog/versions.js';
import type { Cluster } from '../../../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../../../conventions/names.js';
import { sized } from '../../sizing.js';
import type { HelmRelease } from '../release.js';

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
