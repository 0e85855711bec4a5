import { WAVES } from '../../argocd/application.js';
import { charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { GRAFANA_DASHBOARD_LABEL, PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { ChartComponent } from '../component.js';
import { sized } from '../sizing.js';
import { CNPG_NAMESPACE_POLICY } from './namespace.js';

/** Chart values: one replica sized for the node, CRDs installed by the chart, metrics scraped, dashboard shipped. */
export function cnpgOperatorValues(cluster: Cluster): Record<string, unknown> {
  return {
    replicaCount: 1,
    crds: { create: true },
    resources: sized('50m', '128Mi', '500m', '256Mi'),
    monitoring: {
      podMonitorEnabled: true,
      podMonitorAdditionalLabels: { release: cluster.monitoring.prometheusRelease },
      // Picked up by the Grafana sidecar, which searches every namespace for this label.
      grafanaDashboard: { create: true, labels: { ...GRAFANA_DASHBOARD_LABEL } },
    },
  };
}

/** The CloudNativePG operator, straight from its Helm chart, before anything that uses its CRDs. */
export const CNPG_OPERATOR_COMPONENT = {
  name: 'cnpg-operator',
  install: 'argocd',
  namespace: PLATFORM_NAMESPACES.cnpg,
  wave: WAVES.operators,
  crdGroups: ['postgresql.cnpg.io'],
  services: [],
  repositories: [charts.cloudnativePg.repo],
  namespacePolicy: CNPG_NAMESPACE_POLICY,
  chart: {
    pin: charts.cloudnativePg,
    releaseName: 'cnpg',
    values: cnpgOperatorValues,
    // A label map, copied onto the operator's PodMonitor.
    policy: { freeForm: ['monitoring.podMonitorAdditionalLabels'] },
  },
} as const satisfies ChartComponent;
