import { WAVES } from '../../argocd/application.js';
import { charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { PLATFORM_NAMESPACES, REPO_CREDENTIAL } from '../../conventions/names.js';
import type { ChartComponent } from '../component.js';
import { sized } from '../sizing.js';
import { EXTERNAL_SECRETS_NAMESPACE_POLICY } from './namespace.js';

/** Chart values: one replica of each part sized for the node, CRDs from the chart, metrics scraped. */
export function externalSecretsValues(cluster: Cluster): Record<string, unknown> {
  return {
    installCRDs: true,
    resources: sized('10m', '64Mi', '200m', '256Mi'),
    webhook: { resources: sized('10m', '32Mi', '100m', '128Mi') },
    certController: { resources: sized('10m', '32Mi', '100m', '128Mi') },
    serviceMonitor: {
      enabled: true,
      additionalLabels: { release: cluster.monitoring.prometheusRelease },
    },
  };
}

/** External Secrets Operator from its chart, in the operators' wave, before anything reads a Secret. */
export const EXTERNAL_SECRETS_COMPONENT = {
  name: 'external-secrets',
  install: 'argocd',
  namespace: PLATFORM_NAMESPACES.externalSecrets,
  wave: WAVES.operators,
  crdGroups: ['external-secrets.io'],
  services: [],
  repositories: [charts.externalSecrets.repo],
  // Its store Application keeps the Helm-installed parts' Secrets: the repository credential in Argo CD's
  // namespace, Alertmanager's credentials in the monitoring namespace.
  alsoWritesTo: (cluster) => [REPO_CREDENTIAL.namespace, cluster.monitoring.namespace],
  // The one store every ExternalSecret reads from (cluster-scoped by design).
  clusterKinds: [{ group: 'external-secrets.io', kind: 'ClusterSecretStore' }],
  namespacePolicy: EXTERNAL_SECRETS_NAMESPACE_POLICY,
  chart: {
    pin: charts.externalSecrets,
    releaseName: 'external-secrets',
    values: externalSecretsValues,
    policy: { freeForm: ['serviceMonitor.additionalLabels'] },
  },
} as const satisfies ChartComponent;
