import { charts } from '../../../catalog/versions.js';
import type { Cluster } from '../../../cluster/schema.js';
import { PLATFORM_NAMESPACES, PLATFORM_REALM } from '../../../conventions/names.js';
import { toYaml } from '../../../render/yaml.js';
import { sized } from '../../sizing.js';
import type { HelmRelease } from '../release.js';

/** The public host of the Argo CD UI. */
export function argoCdHost(cluster: Cluster): string {
  return `argocd.${cluster.authDomain}`;
}

/**
 * Argo CD removed its built-in health check for Application resources, so an app-of-apps parent sees its
 * children as healthy at once and sync waves do not wait. This restores it: a child Application is as
 * healthy as what it deployed.
 */
export const APPLICATION_HEALTH_LUA = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil then
  if obj.status.health ~= nil then
    hs.status = obj.status.health.status
    if obj.status.health.message ~= nil then
      hs.message = obj.status.health.message
    end
  end
end
return hs
`;

/** The port `argocd login --sso` listens on for the browser's redirect. */
export const ARGOCD_CLI_CALLBACK_PORT = 8085;

/**
 * The exact redirect URIs of the Argo CD client: the UI's callback and PKCE verification page, and the
 * CLI's local callback. Nothing else (no wildcard).
 */
export function argoCdRedirectUris(cluster: Cluster): string[] {
  const base = `https://${argoCdHost(cluster)}`;
  return [
    `${base}/auth/callback`,
    `${base}/pkce/verify`,
    `http://localhost:${ARGOCD_CLI_CALLBACK_PORT}/auth/callback`,
  ];
}

/** The issuer Argo CD trusts: the platform realm on Keycloak's public host. */
export function argoCdIssuer(cluster: Cluster): string {
  return `https://auth.${cluster.authDomain}/realms/${PLATFORM_REALM.realm}`;
}

/**
 * Single sign-on straight against Keycloak (no Dex): a public client with PKCE, so no client secret exists
 * anywhere. The groups claim comes from the client's group-membership mapper.
 */
export function argoCdOidcConfig(cluster: Cluster): Record<string, unknown> {
  return {
    name: 'Keycloak',
    issuer: argoCdIssuer(cluster),
    clientID: PLATFORM_REALM.argocdClient,
    enablePKCEAuthentication: true,
    requestedScopes: ['openid', 'profile', 'email'],
  };
}

/** RBAC: the Keycloak admin group is admin, every other signed-in user reads only. */
export function argoCdRbac(): Record<string, string> {
  return {
    'policy.default': 'role:readonly',
    'policy.csv': `g, ${PLATFORM_REALM.argocdAdminGroup}, role:admin\n`,
    scopes: '[groups]',
  };
}

const monitored = (release: string) => ({
  enabled: true,
  serviceMonitor: { enabled: true, additionalLabels: { release } },
});

export function argoCdRelease(cluster: Cluster): HelmRelease {
  const release = cluster.monitoring.prometheusRelease;
  return {
    release: 'argocd',
    namespace: PLATFORM_NAMESPACES.argocd,
    chart: charts.argoCd,
    timeout: '10m',
    why: 'the GitOps engine; its UI certificate needs cert-manager, its monitors need the Prometheus CRDs',
    values: {
      global: { domain: argoCdHost(cluster) },
      configs: {
        cm: {
          'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH_LUA,
          url: `https://${argoCdHost(cluster)}`,
          'oidc.config': toYaml(argoCdOidcConfig(cluster)),
          // No local admin once SSO works; the break-glass path is in the runbook.
          'admin.enabled': false,
        },
        rbac: argoCdRbac(),
        // Traefik terminates TLS; the server speaks plain HTTP inside the cluster.
        params: { 'server.insecure': true },
      },
      server: {
        resources: sized('50m', '128Mi', '500m', '256Mi'),
        ingress: {
          enabled: true,
          ingressClassName: 'traefik',
          annotations: { 'cert-manager.io/cluster-issuer': cluster.acme.issuer },
          tls: true,
        },
        metrics: monitored(release),
      },
      controller: { resources: sized('250m', '512Mi', '1', '1Gi'), metrics: monitored(release) },
      repoServer: {
        resources: sized('100m', '256Mi', '1', '512Mi'),
        copyutil: { resources: sized('10m', '32Mi', '100m', '64Mi') },
        metrics: monitored(release),
      },
      applicationSet: { resources: sized('20m', '64Mi', '200m', '128Mi') },
      redis: { resources: sized('20m', '64Mi', '200m', '128Mi') },
      redisSecretInit: { resources: sized('10m', '32Mi', '100m', '64Mi') },
      // Single sign-on goes through Keycloak's OIDC directly; Dex would be one more pod to run.
      dex: { enabled: false },
      // Nothing is configured to notify yet; the controller would idle on a small node.
      notifications: { enabled: false },
    },
    policy: {
      // argocd-cm and argocd-cmd-params-cm: their keys are Argo CD settings, documented by Argo CD.
      freeForm: ['configs.cm', 'configs.params'],
      unusedResources: [
        'dex.resources', // dex.enabled: false
        'dex.initImage.resources',
        'notifications.resources', // notifications.enabled: false
        'redis.exporter.resources', // redis.exporter.enabled is false by default
        'server.extensions.resources', // server.extensions.enabled is false by default
        'commitServer.resources', // commitServer.enabled is false by default
      ],
    },
  };
}
