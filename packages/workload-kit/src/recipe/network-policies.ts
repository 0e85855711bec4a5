import {
  ACME_HTTP01_SOLVER,
  appNames,
  commonLabels,
  LABELS,
  PLATFORM_NAMESPACES,
} from '@ultron/platform/core';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec';
import type { Workload } from '../definition/schema.js';
import { PORT_NAME, podLabels } from './pod.js';

const NS = 'kubernetes.io/metadata.name';
const inNamespace = (namespace: string, podLabels?: Record<string, string>): INetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { [NS]: namespace } },
  ...(podLabels ? { podSelector: { matchLabels: podLabels } } : {}),
});
/** Anything outside the cluster's private ranges: object storage, external APIs, the public hostnames. */
const internet: INetworkPolicyPeer = {
  ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] },
};
const tcp = (port: number | string) => ({ protocol: 'TCP' as const, port });

/**
 * Deny by default, then allow exactly what the recipe needs. k3s enforces NetworkPolicies with its
 * embedded controller, so these are real, not documentation.
 */
export function networkPolicies(w: Workload): NetworkPolicy[] {
  const names = appNames(w.name);
  const policy = (name: string, spec: INetworkPolicySpec) =>
    new NetworkPolicy({
      metadata: { name, namespace: names.namespace, labels: commonLabels(w.name, 'network-policy') },
      spec,
    });
  // The database's pods and those of a point-in-time restore beside it (`ultron restore`): instances and
  // CNPG's recovery Job pods carry `cnpg.io/cluster: <cluster>`. A disaster recovery rebuilds `<app>-pg`
  // itself, so its recovery pods are covered by the same selector.
  const dbPods = {
    matchExpressions: [
      { key: LABELS.cnpgCluster, operator: 'In' as const, values: [names.pgCluster, names.pgRestoreCluster] },
    ],
  };
  const dbClients = { [LABELS.dbClient]: 'true' };

  const list = [
    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [inNamespace(PLATFORM_NAMESPACES.kubeSystem, { 'k8s-app': 'kube-dns' })],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
    policy(`${w.name}-ingress`, {
      podSelector: { matchLabels: podLabels(w) },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            inNamespace(PLATFORM_NAMESPACES.kubeSystem, { 'app.kubernetes.io/name': 'traefik' }),
            inNamespace(PLATFORM_NAMESPACES.monitoring, { 'app.kubernetes.io/name': 'prometheus' }),
          ],
          ports: [tcp(PORT_NAME)],
        },
      ],
    }),
    // cert-manager answers HTTP-01 challenges from a solver pod it starts in the Certificate's namespace
    // (label acme.cert-manager.io/http01-solver, port 8089); Let's Encrypt reaches it through Traefik.
    // Without this, default-deny blocks every issuance and renewal.
    policy('allow-acme-http01-solver', {
      podSelector: { matchLabels: ACME_HTTP01_SOLVER.podLabels },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [inNamespace(PLATFORM_NAMESPACES.kubeSystem, { 'app.kubernetes.io/name': 'traefik' })],
          ports: [tcp(ACME_HTTP01_SOLVER.port)],
        },
      ],
    }),
    // The API verifies tokens against Keycloak's public URL and may call external HTTPS APIs.
    policy(`${w.name}-egress-https`, {
      podSelector: { matchLabels: podLabels(w) },
      policyTypes: ['Egress'],
      egress: [{ to: [internet], ports: [tcp(443)] }],
    }),
  ];
  if (w.auth) {
    // Token signing keys from Keycloak's in-cluster service.
    list.push(
      policy(`${w.name}-egress-keycloak`, {
        podSelector: { matchLabels: podLabels(w) },
        policyTypes: ['Egress'],
        egress: [{ to: [inNamespace(PLATFORM_NAMESPACES.keycloak)], ports: [tcp(8080)] }],
      }),
    );
  }
  if (!w.database) return list;
  return [
    ...list,
    policy(`${names.pgCluster}-clients`, {
      podSelector: { matchLabels: dbClients },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: dbPods }], ports: [tcp(5432)] }],
    }),
    policy(names.pgCluster, {
      podSelector: dbPods,
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: dbClients } }], ports: [tcp(5432)] },
        // Replication and the instance manager between Postgres pods.
        { from: [{ podSelector: dbPods }], ports: [tcp(5432), tcp(8000)] },
        // The operator polls each instance's status endpoint.
        { from: [inNamespace(PLATFORM_NAMESPACES.cnpg)], ports: [tcp(8000)] },
        {
          from: [inNamespace(PLATFORM_NAMESPACES.monitoring, { 'app.kubernetes.io/name': 'prometheus' })],
          ports: [tcp(9187)],
        },
      ],
      egress: [
        { to: [{ podSelector: dbPods }], ports: [tcp(5432), tcp(8000)] },
        // WAL and base backups to Oracle Object Storage.
        { to: [internet], ports: [tcp(443)] },
        // The instance manager talks to the Kubernetes API (k3s serves it on the node, port 6443).
        { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [tcp(6443)] },
      ],
    }),
  ];
}
