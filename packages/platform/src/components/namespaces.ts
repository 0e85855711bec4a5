import type { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec';
import type { Namespace } from 'kubernetes-models/v1/Namespace';
import { application, treeSource, WAVES } from '../argocd/application.js';
import type { Cluster } from '../cluster/schema.js';
import { postgresNetworkPolicies } from '../cnpg/network-policies.js';
import { appFile, platformDir } from '../conventions/layout.js';
import {
  commonLabels,
  KEYCLOAK_INSTANCE,
  LABELS,
  PLATFORM_NAMESPACES,
  PLATFORM_PROJECT,
} from '../conventions/names.js';
import {
  allowAcmeHttp01,
  allowDns,
  defaultDeny,
  fromKubernetesApi,
  inNamespace,
  kubernetesApi,
  networkPolicy,
  type PodSecurityLevel,
  podSecurityNamespace,
  prometheusPeer,
  publicInternet,
  tcp,
  traefikPeer,
} from '../network/index.js';
import type { Manifest } from '../render/manifest.js';

/** The Argo CD Application syncing the GitOps-owned platform namespaces (`platform/namespaces/`). */
export const PLATFORM_NAMESPACES_APP = 'platform-namespaces';
export const PLATFORM_NAMESPACES_DIR = platformDir('namespaces');
export const PLATFORM_NAMESPACES_APP_FILE = appFile(PLATFORM_NAMESPACES_APP);

type Security = { level: 'restricted' } | { level: Exclude<PodSecurityLevel, 'restricted'>; reason: string };
type Allow = { name: string; reason: string; spec: INetworkPolicySpec };

interface PlatformNamespace {
  name: string;
  /** Its Certificates are solved over HTTP-01 here (the argocd and auth hosts). */
  acme?: boolean;
  /** `bootstrap`: applied by ultron-bootstrap before the Helm releases; `gitops`: synced by Argo CD. */
  owner: 'bootstrap' | 'gitops';
  security: Security;
  allows: (cluster: Cluster) => Allow[];
  /** Objects that are not plain allows (the Keycloak database's policies). */
  extra?: (cluster: Cluster) => NetworkPolicy[];
}

const pods = (matchLabels: Record<string, string>) => ({ matchLabels });
const named = (name: string) => pods({ 'app.kubernetes.io/name': name });
const allPods = {};
const samePods: INetworkPolicyPeer = { podSelector: {} };
/** Pods of any namespace carrying this label key (CNPG labels every Postgres pod with its cluster). */
const anyPodWith = (key: string): INetworkPolicyPeer => ({
  namespaceSelector: {},
  podSelector: { matchExpressions: [{ key, operator: 'Exists' }] },
});
const keycloakPods = pods({ 'app.kubernetes.io/instance': KEYCLOAK_INSTANCE });

export const PLATFORM_NAMESPACE_SPECS: readonly PlatformNamespace[] = [
  {
    name: PLATFORM_NAMESPACES.argocd,
    owner: 'bootstrap',
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
  },
  {
    name: PLATFORM_NAMESPACES.certManager,
    owner: 'bootstrap',
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
  },
  {
    name: PLATFORM_NAMESPACES.monitoring,
    owner: 'bootstrap',
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
  },
  {
    name: PLATFORM_NAMESPACES.cnpg,
    owner: 'gitops',
    security: { level: 'restricted' },
    allows: (cluster) => [
      {
        name: 'cnpg-operator-kubernetes-api',
        reason: 'the operator reconciles Clusters through the Kubernetes API, at its one address',
        spec: {
          podSelector: named('cloudnative-pg'),
          policyTypes: ['Egress'],
          egress: [kubernetesApi(cluster)],
        },
      },
      {
        name: 'cnpg-operator-instances',
        reason: "the operator polls every Postgres instance's status endpoint, in every namespace",
        spec: {
          podSelector: named('cloudnative-pg'),
          policyTypes: ['Egress'],
          egress: [{ to: [anyPodWith(LABELS.cnpgCluster)], ports: [tcp(8000)] }],
        },
      },
      {
        name: 'barman-cloud-plugin',
        reason:
          'the Barman Cloud plugin: the operator calls its gRPC port, it reconciles ObjectStores through the Kubernetes API',
        spec: {
          podSelector: named('plugin-barman-cloud'),
          policyTypes: ['Ingress', 'Egress'],
          ingress: [{ from: [{ podSelector: named('cloudnative-pg') }], ports: [tcp(9090)] }],
          egress: [kubernetesApi(cluster)],
        },
      },
      {
        name: 'cnpg-operator-barman-cloud-plugin',
        reason: "the operator reaches the plugin's gRPC port to drive backups and WAL archiving",
        spec: {
          podSelector: named('cloudnative-pg'),
          policyTypes: ['Egress'],
          egress: [{ to: [{ podSelector: named('plugin-barman-cloud') }], ports: [tcp(9090)] }],
        },
      },
      {
        name: 'cnpg-operator-ingress',
        reason: 'the API server calls the admission webhook; Prometheus scrapes the operator',
        spec: {
          podSelector: named('cloudnative-pg'),
          policyTypes: ['Ingress'],
          ingress: [
            { from: [fromKubernetesApi(cluster)], ports: [tcp(9443)] },
            { from: [prometheusPeer], ports: [tcp(8080)] },
          ],
        },
      },
    ],
  },
  {
    name: PLATFORM_NAMESPACES.externalSecrets,
    owner: 'gitops',
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
  },
  {
    name: PLATFORM_NAMESPACES.keycloak,
    owner: 'gitops',
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
  },
];

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

/** One platform namespace: the Namespace with its Pod Security labels, default-deny, DNS and its allows. */
export function namespaceObjects(cluster: Cluster, ns: PlatformNamespace): Manifest[] {
  const labels = commonLabels(ns.name, 'network-policy');
  const namespace: Namespace = podSecurityNamespace(ns.name, commonLabels(ns.name, 'namespace'), ns.security);
  return [
    namespace,
    defaultDeny(ns.name, labels),
    allowDns(ns.name, labels),
    ...ns.allows(cluster).map((a) => networkPolicy({ ...a, namespace: ns.name, labels })),
    ...(ns.acme ? [allowAcmeHttp01(ns.name, labels)] : []),
    ...(ns.extra?.(cluster) ?? []),
  ];
}

export function platformNamespaceObjects(cluster: Cluster, owner: PlatformNamespace['owner']): Manifest[] {
  return PLATFORM_NAMESPACE_SPECS.filter((ns) => ns.owner === owner).flatMap((ns) =>
    namespaceObjects(cluster, ns),
  );
}

/** The GitOps-owned namespaces, one file each (`platform/namespaces/<namespace>.yaml`): names repeat across namespaces. */
export function platformNamespaceFiles(cluster: Cluster): [string, Manifest[]][] {
  return PLATFORM_NAMESPACE_SPECS.filter((ns) => ns.owner === 'gitops').map((ns) => [
    `${PLATFORM_NAMESPACES_DIR}/${ns.name}.yaml`,
    namespaceObjects(cluster, ns),
  ]);
}

/** Synced before the operators: their namespaces exist with Pod Security labels and default-deny first. */
export function platformNamespacesApplication(cluster: Cluster) {
  return application({
    name: PLATFORM_NAMESPACES_APP,
    project: PLATFORM_PROJECT,
    namespace: PLATFORM_NAMESPACES.keycloak,
    wave: WAVES.namespaces,
    sources: [treeSource(cluster, PLATFORM_NAMESPACES_DIR)],
    labels: commonLabels('platform', 'namespaces'),
  });
}
