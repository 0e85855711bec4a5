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
  /**
   * Other CNPG clusters of the namespace treated exactly like this one, e.g. the `<app>-pg-restore` of a
   * point-in-time restore (`ultron restore`): its instances and CNPG's recovery Job pods need the same
   * operator, object-storage and API access, and the app's clients may be repointed at it.
   */
  siblings?: string[];
}

/**
 * What a CNPG Postgres needs, and nothing more: its clients, replication between its instances, the
 * operator's status polls, Prometheus, backups to Object Storage and the Kubernetes API at its one address.
 */
export function postgresNetworkPolicies(cluster: Cluster, o: PostgresPolicyOptions): NetworkPolicy[] {
  // Instances and CNPG's recovery Job pods carry `cnpg.io/cluster: <cluster>` (CNPG v1.29.1 pkg/specs/jobs.go).
  // A disaster recovery rebuilds the cluster itself, so its recovery pods match the same selector.
  const dbPods = {
    matchExpressions: [
      { key: LABELS.cnpgCluster, operator: 'In' as const, values: [o.pgCluster, ...(o.siblings ?? [])] },
    ],
  };
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
        egress: [{ to: [{ podSelector: dbPods }], ports: [tcp(5432)] }],
      },
    }),
    networkPolicy({
      ...common,
      name: o.pgCluster,
      reason:
        'Postgres: its clients, replication, operator status polls, metrics, backups to Object Storage, the Kubernetes API',
      spec: {
        podSelector: dbPods,
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          { from: [clients], ports: [tcp(5432)] },
          // Replication and the instance manager between Postgres pods.
          { from: [{ podSelector: dbPods }], ports: [tcp(5432), tcp(8000)] },
          // The operator polls each instance's status endpoint.
          { from: [inNamespace(PLATFORM_NAMESPACES.cnpg)], ports: [tcp(8000)] },
          { from: [prometheusPeer], ports: [tcp(9187)] },
        ],
        egress: [
          { to: [{ podSelector: dbPods }], ports: [tcp(5432), tcp(8000)] },
          // WAL and base backups to Oracle Object Storage.
          { to: [publicInternet], ports: [tcp(443)] },
          // The instance manager watches its Cluster through the API server, at its one address.
          kubernetesApi(cluster),
        ],
      },
    }),
  ];
}
