import { application, WAVES } from '../argocd/application.js';
import { charts } from '../catalog/versions.js';
import type { Cluster } from '../cluster/schema.js';
import { appFile, platformDir } from '../conventions/layout.js';
import { commonLabels, PLATFORM_NAMESPACES, PLATFORM_PROJECT } from '../conventions/names.js';
import type { Slice } from '../render/slice.js';
import { Tree } from '../render/tree.js';

export const CNPG_OPERATOR = 'cnpg-operator';

/** Chart values: one replica sized for the node, CRDs installed by the chart, metrics scraped. */
export function cnpgOperatorValues(cluster: Cluster): Record<string, unknown> {
  return {
    replicaCount: 1,
    crds: { create: true },
    resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    monitoring: {
      podMonitorEnabled: true,
      podMonitorAdditionalLabels: { release: cluster.monitoring.prometheusRelease },
    },
  };
}

/** The CloudNativePG operator, straight from its Helm chart, before anything that uses its CRDs. */
export function cnpgOperatorApplication(cluster: Cluster) {
  const pin = charts.cloudnativePg;
  return application({
    name: CNPG_OPERATOR,
    project: PLATFORM_PROJECT,
    namespace: PLATFORM_NAMESPACES.cnpg,
    wave: WAVES.operators,
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
    createNamespace: true,
    labels: commonLabels(CNPG_OPERATOR, 'operator'),
  });
}

export function cnpgOperator(cluster: Cluster): Slice {
  return {
    owns: [platformDir(CNPG_OPERATOR)],
    build: () => new Tree().addFile(appFile(CNPG_OPERATOR), [cnpgOperatorApplication(cluster)]),
  };
}
