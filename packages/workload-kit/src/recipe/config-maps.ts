import { appNames, commonLabels } from '@ultron/platform/core';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { Workload } from '../definition/schema.js';

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

/**
 * ConfigMap data with its keys in code-unit order, as the platform sorts string maps: the same on every
 * machine (`localeCompare` follows the process's locale) and no ICU collator to load in a render process.
 */
export function sortedData(data: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(data)
      .sort()
      .map((key) => [key, data[key]!]),
  );
}
