import {
  fromKubernetesApi,
  kubernetesApi,
  prometheusPeer,
  publicInternet,
  tcp,
} from '../../network/index.js';
import { type NamespacePolicy, named } from '../namespaces/policy.js';

/** The External Secrets Operator's namespace: controller, webhook and cert controller. */
export const EXTERNAL_SECRETS_NAMESPACE_POLICY: NamespacePolicy = {
  // The chart's defaults: non-root, no escalation, ALL dropped, RuntimeDefault, read-only root.
  security: { level: 'restricted' },
  allows: (cluster) => [
    {
      name: 'external-secrets-kubernetes-api',
      reason:
        'the controllers read ExternalSecrets and write Secrets through the Kubernetes API, at its one address',
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [kubernetesApi(cluster)] },
    },
    {
      name: 'external-secrets-oci-vault',
      reason:
        'the controller reads and pushes OCI Vault secrets over HTTPS, and gets its instance-principal certificate from the instance metadata service',
      spec: {
        podSelector: named('external-secrets'),
        policyTypes: ['Egress'],
        egress: [
          { to: [publicInternet], ports: [tcp(443)] },
          // Only with the OCI Vault backend: the instance principal's certificate comes from there.
          ...(cluster.secrets.backend === 'oci-vault'
            ? [{ to: [{ ipBlock: { cidr: '169.254.169.254/32' } }], ports: [tcp(80)] }]
            : []),
        ],
      },
    },
    {
      name: 'external-secrets-ingress',
      reason: 'the API server calls the admission webhook; Prometheus scrapes the controllers',
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [
          { from: [fromKubernetesApi(cluster)], ports: [tcp(10250)] },
          { from: [prometheusPeer], ports: [tcp(8080)] },
        ],
      },
    },
  ],
};
