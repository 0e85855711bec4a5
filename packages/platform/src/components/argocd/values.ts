import { argoCdNotificationsValues } from '../../alerting/argocd-notifications.js';
import { charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { PLATFORM_NAMESPACES, PLATFORM_REALM } from '../../conventions/names.js';
import { toYaml } from '../../render/yaml.js';
import type { HelmRelease } from '../component.js';
import { sized } from '../sizing.js';

/** The public host of the Argo CD UI. */
export function argoCdHost(cluster: Cluster): string {
  return `argocd.${cluster.authDomain}`;
}

/**
 * Argo CD has no built-in health check for Application resources, so an app-of-apps parent would
 * see its children as healthy at once and its sync waves would not wait. And since Argo CD 3.4 a
 * child's own `status.health` is Healthy while resources of its later waves are still missing, so
 * health alone is not enough either: a child counts as Healthy only when it is Synced, no operation
 * is running on it, its last operation did not fail, and what it deployed is Healthy. Argo CD runs
 * this with gopher-lua (Lua 5.1): only 5.1 syntax here. Tested in a real Lua runtime against sample
 * Applications (packages/platform/test/application-health.test.ts).
 */
export const APPLICATION_HEALTH_LUA = `hs = {}
hs.status = "Progressing"
hs.message = "waiting for the Application's first reconcile"
if obj.status == nil then
  return hs
end
local op = obj.status.operationState
if op ~= nil and (op.phase == "Running" or op.phase == "Terminating") then
  hs.message = "sync operation " .. op.phase
  return hs
end
if op ~= nil and (op.phase == "Failed" or op.phase == "Error") then
  hs.status = "Degraded"
  hs.message = "last sync " .. op.phase .. ": " .. (op.message or "")
  return hs
end
if obj.status.sync == nil or obj.status.sync.status ~= "Synced" then
  hs.message = "not synced yet"
  return hs
end
if obj.status.health == nil or obj.status.health.status == nil then
  return hs
end
local health = obj.status.health.status
if health == "Missing" or health == "Unknown" then
  hs.status = "Progressing"
else
  hs.status = health
end
hs.message = obj.status.health.message or ""
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
        params: {
          'server.insecure': true,
          // Diff through a server-side-apply dry run: the structured-merge diff that ServerSideApply=true
          // Applications otherwise get is discontinued upstream and misreads CRD defaults (stable since 3.1).
          'controller.diff.server.side': true,
        },
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
      // Failed syncs and degraded apps reach the cluster's alerting webhook (off without one).
      notifications: argoCdNotificationsValues(cluster, `https://${argoCdHost(cluster)}`),
    },
    policy: {
      // argocd-cm and argocd-cmd-params-cm: their keys are Argo CD settings, documented by Argo CD.
      freeForm: [
        'configs.cm',
        'configs.params',
        // Argo CD notifications settings (services, templates, triggers), documented by Argo CD.
        'notifications.notifiers',
        'notifications.templates',
        'notifications.triggers',
      ],
      unusedResources: [
        'dex.resources', // dex.enabled: false
        'dex.initImage.resources',
        ...(cluster.alerting.webhook ? [] : ['notifications.resources']), // notifications.enabled: false
        'redis.exporter.resources', // redis.exporter.enabled is false by default
        'server.extensions.resources', // server.extensions.enabled is false by default
        'commitServer.resources', // commitServer.enabled is false by default
      ],
    },
  };
}
