import type { ValuesPolicy } from '../catalog/chart-values.js';
import { charts } from '../catalog/versions.js';
import type { Cluster } from '../cluster/schema.js';
import { appFile, platformDir } from '../conventions/layout.js';
import type { Slice } from '../render/slice.js';
import { Tree } from '../render/tree.js';
import { chartApplication } from './chart-component.js';
import { PLATFORM_COMPONENTS } from './platform-components.js';
import { sized } from './sizing.js';

export const BARMAN_CLOUD_PLUGIN_COMPONENT = PLATFORM_COMPONENTS.barmanCloudPlugin.name;

/** What the values key check may not find in the chart's defaults (see catalog/chart-values.ts). */
export const BARMAN_CLOUD_PLUGIN_VALUES_POLICY: ValuesPolicy = {};

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
 * Service), in the operators' wave: every Cluster that backs up through an ObjectStore needs it.
 */
export function barmanCloudPluginApplication(cluster: Cluster) {
  return chartApplication({
    component: PLATFORM_COMPONENTS.barmanCloudPlugin,
    pin: charts.barmanCloudPlugin,
    releaseName: 'barman-cloud',
    values: barmanCloudPluginValues(cluster),
  });
}

export function barmanCloudPlugin(cluster: Cluster): Slice {
  return {
    owns: [platformDir(BARMAN_CLOUD_PLUGIN_COMPONENT), appFile(BARMAN_CLOUD_PLUGIN_COMPONENT)],
    build: () =>
      new Tree().addFile(appFile(BARMAN_CLOUD_PLUGIN_COMPONENT), [barmanCloudPluginApplication(cluster)]),
  };
}
