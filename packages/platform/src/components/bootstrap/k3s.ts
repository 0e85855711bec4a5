import type { Cluster, ClusterNode } from '../../cluster/schema.js';
import { toYaml } from '../../render/yaml.js';

/** Where k3s reads its settings on every node. */
export const K3S_CONFIG_PATH = '/etc/rancher/k3s/config.yaml';
export const K3S_API_PORT = 6443;
/** The interface Tailscale creates; multi-node clusters route pod traffic over it. */
const TAILSCALE_INTERFACE = 'tailscale0';

export function serverNode(cluster: Cluster): ClusterNode {
  // The schema guarantees exactly one server.
  return cluster.nodes.find((n) => n.role === 'server')!;
}

/** The names and addresses operators reach the API server by; k3s must put them in its certificate. */
export function tlsSans(node: ClusterNode): string[] {
  return [node.tailscaleName ?? node.name, ...(node.tailscaleIP ? [node.tailscaleIP] : [])];
}

/** Where agents (and operators over Tailscale) reach the API server. */
export function apiServerUrl(cluster: Cluster): string {
  const server = serverNode(cluster);
  return `https://${server.tailscaleIP ?? server.tailscaleName ?? server.name}:${K3S_API_PORT}`;
}

/**
 * One node's `/etc/rancher/k3s/config.yaml`. The bundled Traefik stays enabled (the platform's edge). The
 * join token is a secret: agents get it from the environment at install time, never from this file.
 */
export function k3sConfig(cluster: Cluster, node: ClusterNode): Record<string, unknown> {
  const overTailscale =
    cluster.nodes.length > 1 ? { 'node-ip': node.tailscaleIP, 'flannel-iface': TAILSCALE_INTERFACE } : {};
  if (node.role === 'agent') {
    return { 'node-name': node.name, server: apiServerUrl(cluster), ...overTailscale };
  }
  return {
    'node-name': node.name,
    // The admin kubeconfig holds cluster-admin credentials: root only.
    'write-kubeconfig-mode': '0600',
    'tls-san': tlsSans(node),
    // Secrets are encrypted at rest in the datastore (AES-CBC key generated on first start).
    'secrets-encryption': true,
    // The API endpoint NetworkPolicies allow is the Tailscale IP unless the definition names another one.
    ...(!cluster.kubernetesApi.address && node.tailscaleIP ? { 'advertise-address': node.tailscaleIP } : {}),
    ...overTailscale,
  };
}

export function k3sConfigFile(cluster: Cluster, node: ClusterNode): string {
  return `# ${node.role} ${node.name}: copy to ${K3S_CONFIG_PATH} before installing k3s.\n${toYaml(k3sConfig(cluster, node))}`;
}
