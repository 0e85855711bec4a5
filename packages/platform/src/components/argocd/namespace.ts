import { kubernetesApi, prometheusPeer, publicInternet, tcp, traefikPeer } from '../../network/index.js';
import { allPods, type NamespacePolicy, named, samePods } from '../namespaces/policy.js';

/** The argocd namespace: Argo CD, Rollouts, Workflows and Events, installed by the bootstrap. */
export const ARGOCD_NAMESPACE_POLICY: NamespacePolicy = {
  acme: true,
  security: {
    level: 'baseline',
    reason:
      'the argo-workflows and argo-events charts set no seccomp profile (argo-events no securityContext at all), which restricted rejects',
  },
  allows: (cluster) => [
    {
      name: 'argocd-internal',
      reason:
        'Argo CD, Rollouts, Workflows and Events call each other (controller to repo-server, server to redis…)',
      spec: {
        podSelector: allPods,
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [samePods] }],
        egress: [{ to: [samePods] }],
      },
    },
    {
      name: 'argocd-server-ingress',
      reason: 'the Argo CD UI and CLI (gRPC-web) through Traefik',
      spec: {
        podSelector: named('argocd-server'),
        policyTypes: ['Ingress'],
        ingress: [{ from: [traefikPeer], ports: [tcp(8080)] }],
      },
    },
    {
      name: 'argocd-metrics',
      reason: 'Prometheus scrapes every Argo component',
      spec: { podSelector: allPods, policyTypes: ['Ingress'], ingress: [{ from: [prometheusPeer] }] },
    },
    {
      name: 'argocd-kubernetes-api',
      reason: 'the controllers reconcile through the Kubernetes API, at its one address',
      spec: { podSelector: allPods, policyTypes: ['Egress'], egress: [kubernetesApi(cluster)] },
    },
    {
      name: 'argo-rollouts-analysis',
      reason: "Argo Rollouts' canary analysis queries Prometheus",
      spec: {
        podSelector: named('argo-rollouts'),
        policyTypes: ['Egress'],
        egress: [{ to: [prometheusPeer], ports: [tcp(9090)] }],
      },
    },
    {
      name: 'argocd-egress-https',
      reason:
        "repo-server fetches Git and Helm repositories; server reaches Keycloak's public OIDC endpoints",
      spec: {
        podSelector: {
          matchExpressions: [
            {
              key: 'app.kubernetes.io/name',
              operator: 'In',
              values: ['argocd-repo-server', 'argocd-server'],
            },
          ],
        },
        policyTypes: ['Egress'],
        egress: [{ to: [publicInternet], ports: [tcp(443)] }],
      },
    },
  ],
};
