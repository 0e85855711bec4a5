import { WAVES } from '../../../src/argocd/application.js';
import type { ChartComponent } from '../../../src/components/component.js';
import { named } from '../../../src/components/namespaces/policy.js';
import { sized } from '../../../src/components/sizing.js';
import { kubernetesApi, prometheusPeer, tcp } from '../../../src/network/index.js';

/**
 * A component the platform does not have: a secrets operator from its chart, written the way a real
 * one is (compare ../../../src/components/cnpg-operator/). Everything the platform needs to know about
 * it is here; registry.test.ts adds it to a copy of the registry and nothing else.
 */
export const VAULT_OPERATOR_COMPONENT = {
  name: 'vault-operator',
  install: 'argocd',
  namespace: 'vault',
  wave: WAVES.operators,
  crdGroups: ['vault.banzaicloud.com'],
  services: [
    {
      group: 'vault.banzaicloud.com',
      kind: 'Vault',
      name: (instance) => instance,
      labels: (instance) => ({ app: 'vault', vault_cr: instance }),
      ports: [
        { name: 'api-port', port: 8200 },
        { name: 'metrics', port: 9091 },
      ],
    },
  ],
  repositories: ['https://kubernetes-charts.banzaicloud.com'],
  namespacePolicy: {
    security: { level: 'restricted' },
    allows: (cluster) => [
      {
        name: 'vault-operator-kubernetes-api',
        reason: 'the operator reconciles Vaults through the Kubernetes API',
        spec: {
          podSelector: named('vault-operator'),
          policyTypes: ['Egress'],
          egress: [kubernetesApi(cluster)],
        },
      },
      {
        name: 'vault-metrics',
        reason: 'Prometheus scrapes Vault',
        spec: {
          podSelector: named('vault'),
          policyTypes: ['Ingress'],
          ingress: [{ from: [prometheusPeer], ports: [tcp(9091)] }],
        },
      },
    ],
  },
  chart: {
    pin: {
      repo: 'https://kubernetes-charts.banzaicloud.com',
      chart: 'vault-operator',
      version: '1.22.6',
      appVersion: '1.22.6',
    },
    releaseName: 'vault-operator',
    values: () => ({ replicaCount: 1, resources: sized('10m', '64Mi', '200m', '128Mi') }),
    policy: {},
  },
} as const satisfies ChartComponent;
