import { LABELS } from '../../conventions/names.js';
import { fromKubernetesApi, kubernetesApi, prometheusPeer, tcp } from '../../network/index.js';
import { anyPodWith, type NamespacePolicy, named } from '../namespaces/policy.js';

/** The CNPG operator's namespace, with the Barman Cloud plugin beside it. */
export const CNPG_NAMESPACE_POLICY: NamespacePolicy = {
  security: { level: 'restricted' },
  allows: (cluster) => [
    {
      name: 'cnpg-operator-kubernetes-api',
      reason: 'the operator reconciles Clusters through the Kubernetes API, at its one address',
      spec: {
        podSelector: named('cloudnative-pg'),
        policyTypes: ['Egress'],
        egress: [kubernetesApi(cluster)],
      },
    },
    {
      name: 'cnpg-operator-instances',
      reason: "the operator polls every Postgres instance's status endpoint, in every namespace",
      spec: {
        podSelector: named('cloudnative-pg'),
        policyTypes: ['Egress'],
        egress: [{ to: [anyPodWith(LABELS.cnpgCluster)], ports: [tcp(8000)] }],
      },
    },
    {
      name: 'barman-cloud-plugin',
      reason:
        'the Barman Cloud plugin: the operator calls its gRPC port, it reconciles ObjectStores through the Kubernetes API',
      spec: {
        podSelector: named('plugin-barman-cloud'),
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: named('cloudnative-pg') }], ports: [tcp(9090)] }],
        egress: [kubernetesApi(cluster)],
      },
    },
    {
      name: 'cnpg-operator-barman-cloud-plugin',
      reason: "the operator reaches the plugin's gRPC port to drive backups and WAL archiving",
      spec: {
        podSelector: named('cloudnative-pg'),
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: named('plugin-barman-cloud') }], ports: [tcp(9090)] }],
      },
    },
    {
      name: 'cnpg-operator-ingress',
      reason: 'the API server calls the admission webhook; Prometheus scrapes the operator',
      spec: {
        podSelector: named('cloudnative-pg'),
        policyTypes: ['Ingress'],
        ingress: [
          { from: [fromKubernetesApi(cluster)], ports: [tcp(9443)] },
          { from: [prometheusPeer], ports: [tcp(8080)] },
        ],
      },
    },
  ],
};
