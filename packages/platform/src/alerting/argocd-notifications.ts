import type { Cluster } from '../cluster/schema.js';

/** The Secret Argo CD's notifications controller reads `$name` references from (the chart's default name). */
export const ARGOCD_NOTIFICATIONS_SECRET = 'argocd-notifications-secret';
/** Its key holding the webhook's bearer token (the same value Alertmanager's webhook uses). */
export const ARGOCD_NOTIFICATIONS_WEBHOOK_KEY = 'webhook-token';

/** Triggers the operator is told about: a sync that failed, an app that turned Degraded. */
export const ARGOCD_TRIGGERS = ['on-sync-failed', 'on-health-degraded'] as const;

/**
 * Argo CD notifications (chart values under `notifications`): a webhook (the cluster's alerting webhook,
 * e.g. ntfy or a Slack/Discord adapter) told about failed syncs and degraded apps, for every Application
 * through a default subscription. Off when the cluster definition has no webhook.
 */
export function argoCdNotificationsValues(cluster: Cluster, argocdUrl: string): Record<string, unknown> {
  const hook = cluster.alerting.webhook;
  if (!hook) return { enabled: false };
  const message = (what: string) =>
    `{"title": "Argo CD: {{.app.metadata.name}} ${what}", "message": "{{.app.metadata.name}} ${what}: {{.app.status.operationState.message}} {{.context.argocdUrl}}/applications/{{.app.metadata.name}}"}`;
  const webhook = (what: string) => ({
    webhook: { person: { method: 'POST', body: message(what) } },
  });
  return {
    enabled: true,
    argocdUrl,
    resources: { requests: { cpu: '10m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } },
    // ESO (OCI Vault backend) or a human creates it; the chart must not overwrite it with an empty one.
    ...(hook.token ? { secret: { create: false } } : {}),
    notifiers: {
      'service.webhook.person': [
        `url: ${hook.url}`,
        'headers:',
        '- name: Content-Type',
        '  value: application/json',
        ...(hook.token
          ? ['- name: Authorization', `  value: Bearer $${ARGOCD_NOTIFICATIONS_WEBHOOK_KEY}`]
          : []),
        '',
      ].join('\n'),
    },
    templates: {
      'template.app-sync-failed': toYamlBlock(webhook('failed to sync')),
      'template.app-health-degraded': toYamlBlock(webhook('is Degraded')),
    },
    triggers: {
      'trigger.on-sync-failed': `- when: app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']\n  send: [app-sync-failed]\n`,
      'trigger.on-health-degraded': `- when: app.status.health.status == 'Degraded'\n  send: [app-health-degraded]\n`,
    },
    // Every Application, without annotating each one.
    // `<service>:<recipient>`; a webhook has no recipient of its own, so the part after `:` is a label.
    subscriptions: [{ recipients: ['person:operator'], triggers: [...ARGOCD_TRIGGERS] }],
  };
}

/** The small YAML a notifications template holds (JSON is valid YAML, and keeps the body exact). */
function toYamlBlock(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
