import {
  allowAcmeHttp01,
  allowDns,
  appNames,
  commonLabels,
  defaultDeny,
  networkPolicy,
  prometheusPeer,
  publicInternet,
  tcp,
  traefikPeer,
} from '@ultron/platform/core';
import type { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { Workload } from '../../definition/schema.js';
import { PORT_NAME, podLabels } from '../../parts/pod.js';
import type { EgressPeer } from '../capability.js';

/**
 * Deny by default, then allow exactly what the recipe needs, each allow with its reason: the app's own,
 * the egress other capabilities contribute, then the definition's extra destinations. k3s enforces
 * NetworkPolicies with its embedded controller, so these are real, not documentation.
 */
export function networkPolicies(w: Workload, peers: readonly EgressPeer[]): NetworkPolicy[] {
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
  for (const peer of peers) {
    list.push(
      policy(`${w.name}-egress-${peer.name}`, peer.reason, {
        podSelector: app,
        policyTypes: ['Egress'],
        egress: [{ to: peer.to, ports: peer.ports }],
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
  return list;
}
