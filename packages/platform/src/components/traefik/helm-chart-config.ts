import { apiVersions } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { commonLabels, PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { Manifest } from '../../render/manifest.js';
import { toYaml } from '../../render/yaml.js';
import { sized } from '../sizing.js';

/** k3s's `HelmChartConfig` (helm.cattle.io/v1): extra values merged into a chart k3s itself installs. */
export interface HelmChartConfig extends Manifest {
  apiVersion: typeof apiVersions.k3sHelm;
  kind: 'HelmChartConfig';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: { valuesContent: string };
}

/** Values for the Traefik chart k3s bundles (checked against that chart's values.schema.json). */
export function traefikValues(cluster: Cluster): Record<string, unknown> {
  return {
    ports: {
      // Plain HTTP only redirects. ACME HTTP-01 still works: Let's Encrypt follows the redirect to HTTPS
      // and does not check the certificate there.
      web: { http: { redirections: { entryPoint: { to: 'websecure', scheme: 'https', permanent: true } } } },
    },
    service: {
      // Keep the client's source IP: ServiceLB then forwards only to Traefik on the receiving node
      // instead of SNAT-ing through another one.
      spec: { externalTrafficPolicy: 'Local' },
    },
    metrics: {
      prometheus: {
        // A dedicated metrics Service: the LoadBalancer one does not expose the metrics port.
        service: { enabled: true },
        serviceMonitor: {
          enabled: true,
          interval: '30s',
          additionalLabels: { release: cluster.monitoring.prometheusRelease },
        },
      },
    },
    logs: { access: { enabled: true, format: 'json' } },
    resources: sized('100m', '128Mi', '1', '256Mi'),
  };
}

/** Tunes the Traefik k3s installs in kube-system (k3s merges these values into its own). */
export function traefikConfig(cluster: Cluster): HelmChartConfig {
  return {
    apiVersion: apiVersions.k3sHelm,
    kind: 'HelmChartConfig',
    metadata: {
      name: 'traefik',
      namespace: PLATFORM_NAMESPACES.kubeSystem,
      labels: commonLabels('traefik', 'edge'),
    },
    spec: { valuesContent: toYaml(traefikValues(cluster)) },
  };
}
