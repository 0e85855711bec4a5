import { WAVES } from '../../argocd/application.js';
import { charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { ChartComponent } from '../component.js';
import { sized } from '../sizing.js';

/**
 * Chart values: one replica sized for the node, the ObjectStore CRD from the chart. The chart's own
 * self-signed cert-manager Issuer secures the operator ↔ plugin gRPC link, so cert-manager (installed by
 * the Helm bootstrap) must run first.
 */
export function barmanCloudPluginValues(_cluster: Cluster): Record<string, unknown> {
  return {
    replicaCount: 1,
    crds: { create: true },
    resources: sized('10m', '64Mi', '200m', '128Mi'),
  };
}

/**
 * The Barman Cloud plugin, in the CNPG operator's namespace (the operator finds plugins there by their
 * Service; its network allows are in that namespace's policy), in the operators' wave: every Cluster that
 * backs up through an ObjectStore needs it.
 */
export const BARMAN_CLOUD_PLUGIN_COMPONENT = {
  name: 'barman-cloud-plugin',
  install: 'argocd',
  namespace: PLATFORM_NAMESPACES.cnpg,
  wave: WAVES.operators,
  crdGroups: ['barmancloud.cnpg.io'],
  services: [],
  repositories: [charts.barmanCloudPlugin.repo],
  chart: {
    pin: charts.barmanCloudPlugin,
    releaseName: 'barman-cloud',
    values: barmanCloudPluginValues,
    policy: {},
  },
} as const satisfies ChartComponent;
