import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { kubernetesApiEndpoint } from '../cluster/define.js';
import type { Cluster } from '../cluster/schema.js';
import { ACME_HTTP01_SOLVER, PLATFORM_NAMESPACES } from '../conventions/names.js';

/** Every allow carries the one line that says why it exists; `ultron audit` prints it. */
export const REASON_ANNOTATION = 'ultron.io/reason';
/** Why a namespace's Pod Security level is below "restricted"; `ultron audit` prints it. */
export const PSS_REASON_ANNOTATION = 'ultron.io/pod-security-reason';

const NS = 'kubernetes.io/metadata.name';

/**
 * Addresses no workload may reach by default: the cluster's private ranges, Tailscale/CGNAT (the
 * operators' machines), link-local (cloud metadata at 169.254.169.254), loopback and "this network".
 */
export const NON_PUBLIC_RANGES = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
] as const;

/** The public internet: object storage, external APIs, the platform's own public hostnames. */
export const publicInternet: INetworkPolicyPeer = {
  ipBlock: { cidr: '0.0.0.0/0', except: [...NON_PUBLIC_RANGES] },
};

export const tcp = (port: number | string) => ({ protocol: 'TCP' as const, port });

/** Pods of another namespace (optionally only those with these labels). */
export const inNamespace = (namespace: string, podLabels?: Record<string, string>): INetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { [NS]: namespace } },
  ...(podLabels ? { podSelector: { matchLabels: podLabels } } : {}),
});

/** The bundled Traefik in kube-system: the only way in from outside the cluster. */
export const traefikPeer = inNamespace(PLATFORM_NAMESPACES.kubeSystem, {
  'app.kubernetes.io/name': 'traefik',
});
/** kube-prometheus-stack's Prometheus: scrapes metrics ports. */
export const prometheusPeer = inNamespace(PLATFORM_NAMESPACES.monitoring, {
  'app.kubernetes.io/name': 'prometheus',
});

/** The Kubernetes API (k3s serves it on the server node): exactly that address and port. */
export function kubernetesApi(cluster: Cluster): {
  to: INetworkPolicyPeer[];
  ports: ReturnType<typeof tcp>[];
} {
  const { address, port } = kubernetesApiEndpoint(cluster);
  return { to: [{ ipBlock: { cidr: `${address}/32` } }], ports: [tcp(port)] };
}

/** The API server calling admission webhooks: k3s runs it in-process on the server node. */
export function fromKubernetesApi(cluster: Cluster): INetworkPolicyPeer {
  return { ipBlock: { cidr: `${kubernetesApiEndpoint(cluster).address}/32` } };
}

export interface PolicyOptions {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  /** One line: why this traffic must be allowed. */
  reason: string;
  spec: INetworkPolicySpec;
}

export function networkPolicy(o: PolicyOptions): NetworkPolicy {
  return new NetworkPolicy({
    metadata: {
      name: o.name,
      namespace: o.namespace,
      labels: o.labels,
      annotations: { [REASON_ANNOTATION]: o.reason },
    },
    spec: o.spec,
  });
}

/** Nothing in or out of the namespace unless another policy allows it. */
export function defaultDeny(namespace: string, labels: Record<string, string>): NetworkPolicy {
  return networkPolicy({
    name: 'default-deny',
    namespace,
    labels,
    reason: 'deny by default: every other policy here is an explicit allow',
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
}

/** Name resolution through CoreDNS, for every pod of the namespace. */
export function allowDns(namespace: string, labels: Record<string, string>): NetworkPolicy {
  return networkPolicy({
    name: 'allow-dns',
    namespace,
    labels,
    reason: 'name resolution through CoreDNS in kube-system',
    spec: {
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
    },
  });
}

/**
 * cert-manager's HTTP-01 solver: a pod in the Certificate's namespace that Let's Encrypt reaches through
 * Traefik on 8089. Without it, a default-deny namespace never gets its certificate.
 */
export function allowAcmeHttp01(namespace: string, labels: Record<string, string>): NetworkPolicy {
  return networkPolicy({
    name: 'allow-acme-http01',
    namespace,
    labels,
    reason: "Let's Encrypt HTTP-01 challenges reach cert-manager's solver pod through Traefik",
    spec: {
      podSelector: { matchLabels: ACME_HTTP01_SOLVER.podLabels },
      policyTypes: ['Ingress'],
      ingress: [{ from: [traefikPeer], ports: [tcp(ACME_HTTP01_SOLVER.port)] }],
    },
  });
}

export type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/**
 * A namespace enforcing a Pod Security level. Anything below "restricted" must say why: the reason is
 * rendered on the Namespace and printed by `ultron audit`.
 */
export function podSecurityNamespace(
  name: string,
  labels: Record<string, string>,
  security: { level: 'restricted' } | { level: Exclude<PodSecurityLevel, 'restricted'>; reason: string },
): Namespace {
  return new Namespace({
    metadata: {
      name,
      labels: {
        ...labels,
        'pod-security.kubernetes.io/enforce': security.level,
        'pod-security.kubernetes.io/enforce-version': 'latest',
        // Audit and warn at "restricted" even where enforcement is lower: the gap stays visible.
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
      ...('reason' in security ? { annotations: { [PSS_REASON_ANNOTATION]: security.reason } } : {}),
    },
  });
}
