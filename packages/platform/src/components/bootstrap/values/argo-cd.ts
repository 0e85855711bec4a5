import { argoCdNotificationsValues } from '../../../alerting/argocd-notifications.js';
import { charts } from '../../../catalog/versions.js';
import type { Cluster } from '../../../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../../../conventions/names.js';
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
        cm: { 'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH_LUA },
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
      // Single sign-on will go through Keycloak's OIDC directly; Dex would be one more pod to run.
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
