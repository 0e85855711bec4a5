import {
  allowAcmeHttp01,
  allowDns,
  appNames,
  type Cluster,
  commonLabels,
  defaultDeny,
  inNamespace,
  LABELS,
  networkPolicy,
  PLATFORM_NAMESPACES,
  postgresNetworkPolicies,
  prometheusPeer,
  publicInternet,
  tcp,
  traefikPeer,
} from '@ultron/platform/core';
import type { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { Workload } from '../definition/schema.js';
import { PORT_NAME, podLabels } from './pod.js';

/**
 * Deny by default, then allow exactly what the recipe needs, each allow with its reason. k3s enforces
 * NetworkPolicies with its embedded controller, so these are real, not documentation.
 */
export function networkPolicies(cluster: Cluster, w: Workload): NetworkPolicy[] {
  const names = appNames(w.name);
  const labels = commonLabels(w.name, 'network-policy');
  const policy = (name: string, reason: string, spec: Parameters<typeof networkPolicy>[0]['spec']) =>
    networkPolicy({ name, namespace: names.namespace, labels, reason, spec });
  const app = { matchLabels: podLabels(w) };

  const list = [
    defaultDeny(names.namespace, labels),
    allowDns(names.namespace, labels),
    allowAcmeHttp01(names.namespace, labels),
    policy(`${w.name}-ingress`, 'requests through Traefik, metrics scraped by Prometheus', {
      podSelector: app,
      policyTypes: ['Ingress'],
      ingress: [{ from: [traefikPeer, prometheusPeer], ports: [tcp(PORT_NAME)] }],
    }),
    policy(
      `${w.name}-egress-https`,
      'external HTTPS APIs on the public internet (no private, Tailscale or link-local address)',
      { podSelector: app, policyTypes: ['Egress'], egress: [{ to: [publicInternet], ports: [tcp(443)] }] },
    ),
  ];
  if (w.auth) {
    list.push(
      policy(`${w.name}-egress-keycloak`, "token signing keys from Keycloak's in-cluster service", {
        podSelector: app,
        policyTypes: ['Egress'],
        egress: [
          {
            to: [inNamespace(PLATFORM_NAMESPACES.keycloak, { 'app.kubernetes.io/instance': 'keycloak' })],
            ports: [tcp(8080)],
          },
        ],
      }),
    );
  }
  w.egress.forEach((rule, i) => {
    list.push(
      policy(`${w.name}-egress-extra-${i + 1}`, rule.reason, {
        podSelector: app,
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: rule.cidr } }], ports: rule.ports.map(tcp) }],
      }),
    );
  });
  if (!w.database) return list;
  return [
    ...list,
    ...postgresNetworkPolicies(cluster, {
      pgCluster: names.pgCluster,
      siblings: [names.pgRestoreCluster],
      namespace: names.namespace,
      labels,
      clients: {
        podSelector: { [LABELS.dbClient]: 'true' },
        reason: 'the app and its migrations Job open connections to their database',
      },
    }),
  ];
}
