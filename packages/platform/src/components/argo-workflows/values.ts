import { charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmRelease } from '../component.js';
import { sized } from '../sizing.js';

export function argoWorkflowsRelease(cluster: Cluster): HelmRelease {
  return {
    release: 'argo-workflows',
    namespace: PLATFORM_NAMESPACES.argocd,
    chart: charts.argoWorkflows,
    timeout: '10m',
    why: 'batch and CI-style workflows; independent of the other Argo components',
    values: {
      // crds.full (the default) installs the full CRDs (about 11 MB of YAML) from a pre-install hook Job
      // running `kubectl apply --server-side`; kubectl holds every decoded object at once, so 128Mi
      // risks an OOM kill that fails the install. The limit only exists while that Job runs.
      crds: { upgradeJob: { resources: sized('50m', '128Mi', '500m', '512Mi') } },
      controller: {
        replicas: 1,
        resources: sized('50m', '128Mi', '500m', '256Mi'),
        metricsConfig: { enabled: true },
        serviceMonitor: {
          enabled: true,
          additionalLabels: { release: cluster.monitoring.prometheusRelease },
        },
      },
      // The wait sidecar of every workflow pod.
      executor: { resources: sized('10m', '32Mi', '100m', '64Mi') },
      // The UI stays internal (ClusterIP, client-token auth by default); reach it with port-forward.
      server: { replicas: 1, resources: sized('20m', '64Mi', '200m', '128Mi') },
    },
    policy: {
      // The main container of each workflow step is sized by the workflow itself.
      unusedResources: ['mainContainer.resources'],
    },
  };
}
