import { postgresNetworkPolicies } from '../../cnpg/network-policies.js';
import { commonLabels, KEYCLOAK_INSTANCE, LABELS, PLATFORM_NAMESPACES } from '../../conventions/names.js';
import { kubernetesApi, prometheusPeer, tcp, traefikPeer } from '../../network/index.js';
import { type NamespacePolicy, named, pods } from '../namespaces/policy.js';

const keycloakPods = pods({ 'app.kubernetes.io/instance': KEYCLOAK_INSTANCE });

/** The keycloak namespace: the operator, the instance, its database and the realm-sync Jobs. */
export const KEYCLOAK_NAMESPACE_POLICY: NamespacePolicy = {
  acme: true,
  security: {
    level: 'baseline',
    reason:
      'the upstream Keycloak operator Deployment sets no securityContext (non-root, seccomp, dropped capabilities), which restricted rejects',
  },
  allows: (cluster) => [
    {
      name: 'keycloak-operator-kubernetes-api',
      reason:
        'the operator manages the Keycloak StatefulSet, Services and import Jobs through the Kubernetes API',
      spec: {
        podSelector: named('keycloak-operator'),
        policyTypes: ['Egress'],
        egress: [kubernetesApi(cluster)],
      },
    },
    {
      name: 'keycloak-ingress',
      reason:
        'realm endpoints through Traefik, signing keys for app namespaces marked as Keycloak clients, the admin API for realm-sync Jobs, metrics, clustering',
      spec: {
        podSelector: keycloakPods,
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              traefikPeer,
              { namespaceSelector: { matchLabels: { [LABELS.keycloakClient]: 'true' } } },
              { podSelector: pods({ [LABELS.realmSync]: 'true' }) },
            ],
            ports: [tcp(8080)],
          },
          { from: [prometheusPeer], ports: [tcp(9000)] },
          // JGroups discovery and failure detection between instances.
          { from: [{ podSelector: keycloakPods }], ports: [tcp(7800), tcp(57800)] },
        ],
      },
    },
    {
      name: 'keycloak-egress-peers',
      reason: 'JGroups clustering between Keycloak instances',
      spec: {
        podSelector: keycloakPods,
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: keycloakPods }], ports: [tcp(7800), tcp(57800)] }],
      },
    },
    {
      name: 'realm-sync-egress',
      reason: "realm-sync Jobs call Keycloak's admin API in-cluster, never through the public edge",
      spec: {
        podSelector: pods({ [LABELS.realmSync]: 'true' }),
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: keycloakPods }], ports: [tcp(8080)] }],
      },
    },
  ],
  extra: (cluster) =>
    postgresNetworkPolicies(cluster, {
      pgCluster: 'keycloak-pg',
      namespace: PLATFORM_NAMESPACES.keycloak,
      labels: commonLabels(PLATFORM_NAMESPACES.keycloak, 'network-policy'),
      clients: {
        podSelector: {},
        reason:
          "Keycloak and the operator's realm-import Jobs (pods the tree does not label) use the database",
      },
    }),
};
