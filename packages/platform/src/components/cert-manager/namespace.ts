import {
  fromKubernetesApi,
  kubernetesApi,
  prometheusPeer,
  publicInternet,
  tcp,
} from '../../network/index.js';
import { allPods, type NamespacePolicy, pods } from '../namespaces/policy.js';

/** The cert-manager namespace: controller, cainjector and webhook. */
export const CERT_MANAGER_NAMESPACE_POLICY: NamespacePolicy = {
  security: { level: 'restricted' },
  allows: (cluster) => [
    {
      name: 'cert-manager-kubernetes-api',
      reason: 'controller, cainjector and webhook work through the Kubernetes API, at its one address',
      spec: { podSelector: allPods, policyTypes: ['Egress'], egress: [kubernetesApi(cluster)] },
    },
    {
      name: 'cert-manager-acme',
      reason:
        "the controller talks to Let's Encrypt (443) and self-checks HTTP-01 challenges on public hosts (80)",
      spec: {
        podSelector: pods({ 'app.kubernetes.io/component': 'controller' }),
        policyTypes: ['Egress'],
        egress: [{ to: [publicInternet], ports: [tcp(443), tcp(80)] }],
      },
    },
    {
      name: 'cert-manager-webhook',
      reason: 'the API server calls the admission webhook',
      spec: {
        podSelector: pods({ 'app.kubernetes.io/component': 'webhook' }),
        policyTypes: ['Ingress'],
        ingress: [{ from: [fromKubernetesApi(cluster)], ports: [tcp(10250)] }],
      },
    },
    {
      name: 'cert-manager-metrics',
      reason: 'Prometheus scrapes the controller',
      spec: {
        podSelector: pods({ 'app.kubernetes.io/component': 'controller' }),
        policyTypes: ['Ingress'],
        ingress: [{ from: [prometheusPeer], ports: [tcp(9402)] }],
      },
    },
  ],
};
