import type { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec';
import type { Cluster } from '../../cluster/schema.js';
import type { PodSecurityLevel } from '../../network/index.js';

type Security = { level: 'restricted' } | { level: Exclude<PodSecurityLevel, 'restricted'>; reason: string };
export type Allow = { name: string; reason: string; spec: INetworkPolicySpec };

/** What a component's namespace enforces: its Pod Security level and what may reach in or out of it. */
export interface NamespacePolicy {
  /** Its Certificates are solved over HTTP-01 here (the argocd and auth hosts). */
  acme?: boolean;
  security: Security;
  allows: (cluster: Cluster) => Allow[];
  /** Objects that are not plain allows (the Keycloak database's policies). */
  extra?: (cluster: Cluster) => NetworkPolicy[];
}

export const pods = (matchLabels: Record<string, string>) => ({ matchLabels });
export const named = (name: string) => pods({ 'app.kubernetes.io/name': name });
export const allPods = {};
export const samePods: INetworkPolicyPeer = { podSelector: {} };
/** Pods of any namespace carrying this label key (CNPG labels every Postgres pod with its cluster). */
export const anyPodWith = (key: string): INetworkPolicyPeer => ({
  namespaceSelector: {},
  podSelector: { matchExpressions: [{ key, operator: 'Exists' }] },
});
