import { join } from 'node:path';
import { findRepoRoot } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';

/**
 * The rendered NetworkPolicies evaluated as Kubernetes defines them (a pod selected by no policy of a
 * direction is open in that direction; otherwise the union of the selecting policies' rules; peers by pod
 * selector in the policy's namespace, namespace selector, both, or IP block minus its exceptions; ports by
 * number or name). Each flow below is one the platform needs, or one it must refuse.
 */
const entries = loadTree(join(findRepoRoot(import.meta.dirname), 'gitops'));

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
}
interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface Rule {
  to?: Peer[];
  from?: Peer[];
  ports?: { protocol?: string; port?: number | string }[];
}
interface Policy {
  namespace: string;
  podSelector: Selector;
  policyTypes: ('Ingress' | 'Egress')[];
  ingress?: Rule[];
  egress?: Rule[];
}
/** A pod (namespace + labels) or an address outside the cluster. */
type Endpoint = { ns: string; labels: Labels } | { ip: string };

const policies: Policy[] = entries
  .filter((e) => e.manifest.kind === 'NetworkPolicy')
  .map((e) => ({
    namespace: e.manifest.metadata.namespace!,
    ...(e.manifest.spec as Omit<Policy, 'namespace'>),
  }));
const namespaceLabels = new Map<string, Labels>(
  entries
    .filter((e) => e.manifest.kind === 'Namespace')
    .map((e) => [e.manifest.metadata.name!, e.manifest.metadata.labels ?? {}]),
);
const nsLabels = (ns: string): Labels => ({ ...namespaceLabels.get(ns), 'kubernetes.io/metadata.name': ns });

function selects(s: Selector | undefined, labels: Labels): boolean {
  if (!s) return true;
  const byLabel = Object.entries(s.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (s.matchExpressions ?? []).every((x) => {
    const has = x.key in labels;
    if (x.operator === 'Exists') return has;
    if (x.operator === 'DoesNotExist') return !has;
    const inValues = has && (x.values ?? []).includes(labels[x.key]!);
    return x.operator === 'In' ? inValues : !inValues;
  });
  return byLabel && byExpression;
}
const toInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const inCidr = (ip: string, cidr: string) => {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toInt(ip) / size) === Math.floor(toInt(base!) / size);
};
function peerMatches(peer: Peer, policyNs: string, other: Endpoint): boolean {
  if ('ip' in other) {
    return Boolean(
      peer.ipBlock &&
        inCidr(other.ip, peer.ipBlock.cidr) &&
        !(peer.ipBlock.except ?? []).some((x) => inCidr(other.ip, x)),
    );
  }
  if (peer.ipBlock) return false;
  const nsOk = peer.namespaceSelector
    ? selects(peer.namespaceSelector, nsLabels(other.ns))
    : other.ns === policyNs;
  return nsOk && selects(peer.podSelector, other.labels);
}
function allowedBy(
  direction: 'Ingress' | 'Egress',
  self: Endpoint,
  other: Endpoint,
  port: number | string,
): boolean {
  if ('ip' in self) return true; // outside the cluster: no policy applies
  const selecting = policies.filter(
    (p) =>
      p.namespace === self.ns && p.policyTypes.includes(direction) && selects(p.podSelector, self.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((p) =>
    ((direction === 'Ingress' ? p.ingress : p.egress) ?? []).some((rule) => {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      const peerOk = !peers || peers.some((peer) => peerMatches(peer, p.namespace, other));
      const portOk = !rule.ports || rule.ports.some((r) => r.port === undefined || r.port === port);
      return peerOk && portOk;
    }),
  );
}
const flows = (from: Endpoint, to: Endpoint, port: number | string) =>
  allowedBy('Egress', from, to, port) && allowedBy('Ingress', to, from, port);

const pod = (ns: string, labels: Labels = {}): Endpoint => ({ ns, labels });
const traefik = pod('kube-system', { 'app.kubernetes.io/name': 'traefik' });
const prometheus = pod('monitoring', { 'app.kubernetes.io/name': 'prometheus' });
const keycloak = pod('keycloak', { 'app.kubernetes.io/instance': 'keycloak' });
const keycloakPg = pod('keycloak', { 'cnpg.io/cluster': 'keycloak-pg' });
const realmSync = pod('keycloak', { 'ultron.io/realm-sync': 'true' });
const penvoice = pod('penvoice', { app: 'penvoice', 'ultron.io/db-client': 'true' });
const penvoicePg = pod('penvoice', { 'cnpg.io/cluster': 'penvoice-pg' });
const statuspage = pod('statuspage', { app: 'statuspage' });
const cnpgOperator = pod('cnpg-system', { 'app.kubernetes.io/name': 'cloudnative-pg' });
const argoServer = pod('argocd', { 'app.kubernetes.io/name': 'argocd-server' });
const repoServer = pod('argocd', { 'app.kubernetes.io/name': 'argocd-repo-server' });
const rollouts = pod('argocd', { 'app.kubernetes.io/name': 'argo-rollouts' });
const api = { ip: '100.101.102.103' };

describe('the flows the platform needs are open', () => {
  it.each([
    ['Traefik → Keycloak', traefik, keycloak, 8080],
    ['Traefik → the Argo CD UI', traefik, argoServer, 8080],
    ['Traefik → an app', traefik, penvoice, 'http'],
    [
      "Traefik → an app's HTTP-01 solver (its certificate)",
      traefik,
      pod('penvoice', { 'acme.cert-manager.io/http01-solver': 'true' }),
      8089,
    ],
    [
      "Traefik → Keycloak's HTTP-01 solver",
      traefik,
      pod('keycloak', { 'acme.cert-manager.io/http01-solver': 'true' }),
      8089,
    ],
    ['an app with auth → Keycloak (signing keys)', penvoice, keycloak, 8080],
    ['a realm-sync Job → Keycloak (admin API)', realmSync, keycloak, 8080],
    ['Keycloak → its database', keycloak, keycloakPg, 5432],
    ['an app → its database', penvoice, penvoicePg, 5432],
    ['the CNPG operator → an app database (status)', cnpgOperator, penvoicePg, 8000],
    ['the CNPG operator → Keycloak database (status)', cnpgOperator, keycloakPg, 8000],
    ['a database → the Kubernetes API', penvoicePg, api, 6443],
    ['the CNPG operator → the Kubernetes API', cnpgOperator, api, 6443],
    ['Prometheus → Keycloak metrics', prometheus, keycloak, 9000],
    ['Prometheus → the CNPG operator metrics', prometheus, cnpgOperator, 8080],
    ['Prometheus → an app', prometheus, penvoice, 'http'],
    ['Argo Rollouts analysis → Prometheus', rollouts, prometheus, 9090],
    ['repo-server → GitHub', repoServer, { ip: '140.82.112.3' }, 443],
    ['Argo CD server → Keycloak on its public address', argoServer, { ip: '203.0.113.7' }, 443],
    ['an app → an external HTTPS API', statuspage, { ip: '8.8.8.8' }, 443],
    ['the API server → the CNPG webhook', api, cnpgOperator, 9443],
  ] as const)('%s', (_, from, to, port) => {
    expect(flows(from, to, port)).toBe(true);
  });
});

describe('everything else is refused', () => {
  it.each([
    ['an app without auth → Keycloak', statuspage, keycloak, 8080],
    ['an app → another app', statuspage, penvoice, 'http'],
    ['an app → Keycloak database', penvoice, keycloakPg, 5432],
    ['an app → the Tailscale network (operators)', penvoice, { ip: '100.90.1.2' }, 443],
    ['an app → cloud metadata', penvoice, { ip: '169.254.169.254' }, 80],
    ['an app → a private address', penvoice, { ip: '10.0.0.7' }, 443],
    ['a database → the API at another address', penvoicePg, { ip: '10.0.0.1' }, 6443],
    ['a database → any address on 6443', keycloakPg, { ip: '8.8.8.8' }, 6443],
    ['the internet → Keycloak directly', { ip: '198.51.100.9' }, keycloak, 8080],
    ['Traefik → Keycloak management (health, metrics)', traefik, keycloak, 9000],
    ['Keycloak → the internet', keycloak, { ip: '8.8.8.8' }, 443],
    ['a realm-sync Job → the internet', realmSync, { ip: '8.8.8.8' }, 443],
    ['the Argo CD server → Tailscale', argoServer, { ip: '100.64.0.5' }, 443],
  ] as const)('%s', (_, from, to, port) => {
    expect(flows(from as Endpoint, to as Endpoint, port)).toBe(false);
  });
});
