import type { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { Cluster } from '../cluster/schema.js';
import { LABELS, PLATFORM_NAMESPACES } from '../conventions/names.js';
import {
  inNamespace,
  kubernetesApi,
  networkPolicy,
  prometheusPeer,
  publicInternet,
  tcp,
} from '../network/index.js';

export interface PostgresPolicyOptions {
  /** The CNPG Cluster's name; CNPG labels its pods `cnpg.io/cluster: <name>`. */
  pgCluster: string;
  namespace: string;
  labels: Record<string, string>;
  /** Who may open connections on 5432 (pods of the same namespace). */
  clients: { podSelector: Record<string, string>; reason: string };
}

/**
 * What a CNPG Postgres needs, and nothing more: its clients, replication between its instances, the
 * operator's status polls, Prometheus, backups to Object Storage and the Kubernetes API at its one address.
 */
export function postgresNetworkPolicies(cluster: Cluster, o: PostgresPolicyOptions): NetworkPolicy[] {
  const dbPods = { [LABELS.cnpgCluster]: o.pgCluster };
  const clients: INetworkPolicyPeer = { podSelector: { matchLabels: o.clients.podSelector } };
  const common = { namespace: o.namespace, labels: o.labels };
  return [
    networkPolicy({
      ...common,
      name: `${o.pgCluster}-clients`,
      reason: o.clients.reason,
      spec: {
        podSelector: { matchLabels: o.clients.podSelector },
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: { matchLabels: dbPods } }], ports: [tcp(5432)] }],
      },
    }),
    networkPolicy({
      ...common,
      name: o.pgCluster,
      reason:
        'Postgres: its clients, replication, operator status polls, metrics, backups to Object Storage, the Kubernetes API',
      spec: {
        podSelector: { matchLabels: dbPods },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          { from: [clients], ports: [tcp(5432)] },
          // Replication and the instance manager between Postgres pods.
          { from: [{ podSelector: { matchLabels: dbPods } }], ports: [tcp(5432), tcp(8000)] },
          // The operator polls each instance's status endpoint.
          { from: [inNamespace(PLATFORM_NAMESPACES.cnpg)], ports: [tcp(8000)] },
          { from: [prometheusPeer], ports: [tcp(9187)] },
        ],
        egress: [
          { to: [{ podSelector: { matchLabels: dbPods } }], ports: [tcp(5432), tcp(8000)] },
          // WAL and base backups to Oracle Object Storage.
          { to: [publicInternet], ports: [tcp(443)] },
          // The instance manager watches its Cluster through the API server, at its one address.
          kubernetesApi(cluster),
        ],
      },
    }),
  ];
}
