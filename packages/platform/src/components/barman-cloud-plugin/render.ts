import type { Cluster } from '../../cluster/schema.js';
import type { Slice } from '../../render/slice.js';
import { chartApplication, chartSlice } from '../chart-component.js';
import { BARMAN_CLOUD_PLUGIN_COMPONENT } from './component.js';

export function barmanCloudPluginApplication(cluster: Cluster) {
  return chartApplication(BARMAN_CLOUD_PLUGIN_COMPONENT, cluster);
}

export function barmanCloudPlugin(cluster: Cluster): Slice {
  return chartSlice(BARMAN_CLOUD_PLUGIN_COMPONENT, cluster);
}
