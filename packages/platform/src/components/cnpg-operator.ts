import { application } from '../argocd/application.js';
import type { ValuesPolicy } from '../catalog/chart-values.js';
import { charts } from '../catalog/versions.js';
import type { Cluster } from '../cluster/schema.js';
import { appFile, platformDir } from '../conventions/layout.js';
import { commonLabels, GRAFANA_DASHBOARD_LABEL, PLATFORM_PROJECT } from '../conventions/names.js';
import type { Slice } from '../render/slice.js';
import { Tree } from '../render/tree.js';
import { PLATFORM_COMPONENTS } from './platform-components.js';
import { sized } from './sizing.js';

export const CNPG_OPERATOR = PLATFORM_COMPONENTS.cnpgOperator.name;

/** What the values key check may not find in the chart's defaults (see catalog/chart-values.ts). */
export const CNPG_OPERATOR_VALUES_POLICY: ValuesPolicy = {
  // A label map, copied onto the operator's PodMonitor.
  freeForm: ['monitoring.podMonitorAdditionalLabels'],
};

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
export function cnpgOperatorApplication(cluster: Cluster) {
  const pin = charts.cloudnativePg;
  return application({
    name: CNPG_OPERATOR,
    project: PLATFORM_PROJECT,
    namespace: PLATFORM_COMPONENTS.cnpgOperator.namespace,
    wave: PLATFORM_COMPONENTS.cnpgOperator.wave,
    sources: [
      {
        repoURL: pin.repo,
        chart: pin.chart,
        targetRevision: pin.version,
        helm: { releaseName: 'cnpg', valuesObject: cnpgOperatorValues(cluster) },
      },
    ],
    // The Cluster CRD is far beyond the client-side apply annotation limit.
    serverSideApply: true,
    labels: commonLabels(CNPG_OPERATOR, 'operator'),
  });
}

export function cnpgOperator(cluster: Cluster): Slice {
  return {
    owns: [platformDir(CNPG_OPERATOR)],
    build: () => new Tree().addFile(appFile(CNPG_OPERATOR), [cnpgOperatorApplication(cluster)]),
  };
}
