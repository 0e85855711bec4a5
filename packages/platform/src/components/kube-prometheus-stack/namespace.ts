import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { Cluster } from '../../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import { fromKubernetesApi, inNamespace, kubernetesApi, publicInternet, tcp } from '../../network/index.js';
import { allPods, type NamespacePolicy, named, pods, samePods } from '../namespaces/policy.js';

/**
 * kubelet and node-exporter listen on each node's InternalIP, which the definition does not hold: the
 * nodes' Tailscale IPs and the private ranges a cloud VM's address comes from (ports 9100/10250 only).
 */
function nodeAddresses(cluster: Cluster): INetworkPolicyPeer[] {
  const tailscale = cluster.nodes.flatMap((n) => (n.tailscaleIP ? [`${n.tailscaleIP}/32`] : []));
  return [...new Set([...tailscale, '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'])].map((cidr) => ({
    ipBlock: { cidr },
  }));
}

/** The monitoring namespace: Prometheus, Alertmanager, Grafana, the operator and the exporters. */
export const MONITORING_NAMESPACE_POLICY: NamespacePolicy = {
  security: {
    level: 'privileged',
    reason: 'node-exporter needs hostNetwork, hostPID and hostPath mounts of the node',
  },
  allows: (cluster) => [
    {
      name: 'monitoring-internal',
      reason: 'Grafana queries Prometheus, Prometheus alerts Alertmanager, the operator configures both',
      spec: {
        podSelector: allPods,
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [samePods] }],
        egress: [{ to: [samePods] }],
      },
    },
    {
      name: 'monitoring-kubernetes-api',
      reason:
        'the operator, kube-state-metrics, Prometheus discovery and Grafana sidecars read the Kubernetes API',
      spec: { podSelector: allPods, policyTypes: ['Egress'], egress: [kubernetesApi(cluster)] },
    },
    {
      name: 'prometheus-scrape',
      reason: 'Prometheus scrapes pods in every namespace, and the kubelet and node-exporter on the nodes',
      spec: {
        podSelector: named('prometheus'),
        policyTypes: ['Egress'],
        egress: [
          { to: [{ namespaceSelector: {} }] },
          {
            to: [fromKubernetesApi(cluster), ...nodeAddresses(cluster)],
            ports: [tcp(9100), tcp(10250)],
          },
        ],
      },
    },
    {
      name: 'prometheus-queries',
      reason: "Argo Rollouts' canary analysis (in argocd) queries Prometheus",
      spec: {
        podSelector: named('prometheus'),
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [inNamespace(PLATFORM_NAMESPACES.argocd, { 'app.kubernetes.io/name': 'argo-rollouts' })],
            ports: [tcp(9090)],
          },
        ],
      },
    },
    {
      name: 'prometheus-operator-webhook',
      reason: "the API server calls the operator's admission webhook for PrometheusRules",
      spec: {
        podSelector: pods({ app: 'kube-prometheus-stack-operator' }),
        policyTypes: ['Ingress'],
        ingress: [{ from: [fromKubernetesApi(cluster)], ports: [tcp(10250)] }],
      },
    },
    {
      name: 'alertmanager-receivers',
      reason: 'Alertmanager delivers notifications to receivers on the public internet',
      spec: {
        podSelector: named('alertmanager'),
        policyTypes: ['Egress'],
        egress: [{ to: [publicInternet], ports: [tcp(443)] }],
      },
    },
  ],
};
