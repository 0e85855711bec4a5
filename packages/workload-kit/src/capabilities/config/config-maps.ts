import { appNames, commonLabels } from '@ultron/platform/core';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { Workload } from '../../definition/schema.js';
import { sortedData } from '../../parts/sorted-data.js';

/** The app's extra ConfigMaps, by name, with sorted keys (stable output). */
export function configMaps(w: Workload): ConfigMap[] {
  return Object.keys(w.configMaps)
    .sort()
    .map(
      (name) =>
        new ConfigMap({
          metadata: { name, namespace: appNames(w.name).namespace, labels: commonLabels(w.name, 'config') },
          data: sortedData(w.configMaps[name]!),
        }),
    );
}
