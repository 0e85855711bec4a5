import { charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmRelease } from '../component.js';
import { sized } from '../sizing.js';

export function certManagerRelease(_cluster: Cluster): HelmRelease {
  return {
    release: 'cert-manager',
    namespace: PLATFORM_NAMESPACES.certManager,
    chart: charts.certManager,
    timeout: '10m',
    why: 'first: its CRDs and webhook must exist before anything asks for a certificate',
    values: {
      // The chart installs and upgrades the CRDs; `keep` stops `helm uninstall` from deleting every
      // Certificate in the cluster with them.
      crds: { enabled: true, keep: true },
      replicaCount: 1,
      resources: sized('20m', '96Mi', '200m', '256Mi'),
      // Metrics are served here and scraped through kube-prometheus-stack's additionalServiceMonitors:
      // the ServiceMonitor CRD does not exist yet when this release is installed.
      prometheus: { enabled: true, servicemonitor: { enabled: false } },
      webhook: { replicaCount: 1, resources: sized('10m', '32Mi', '100m', '128Mi') },
      cainjector: { replicaCount: 1, resources: sized('10m', '96Mi', '100m', '256Mi') },
      startupapicheck: { resources: sized('10m', '32Mi', '100m', '64Mi') },
    },
    policy: {},
  };
}
