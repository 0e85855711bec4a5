import { charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmRelease } from '../component.js';
import { sized } from '../sizing.js';

export function argoEventsRelease(cluster: Cluster): HelmRelease {
  return {
    release: 'argo-events',
    namespace: PLATFORM_NAMESPACES.argocd,
    chart: charts.argoEvents,
    timeout: '10m',
    why: 'event sources and sensors that trigger workflows; last, nothing depends on it',
    values: {
      controller: {
        replicas: 1,
        resources: sized('20m', '64Mi', '200m', '128Mi'),
        metrics: {
          enabled: true,
          serviceMonitor: {
            enabled: true,
            additionalLabels: { release: cluster.monitoring.prometheusRelease },
          },
        },
      },
      webhook: { enabled: false },
    },
    policy: { unusedResources: ['webhook.resources'] },
  };
}
