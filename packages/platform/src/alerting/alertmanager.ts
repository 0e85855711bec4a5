import type { Cluster } from '../cluster/schema.js';

/**
 * Alertmanager's configuration, from the cluster definition's `alerting` receivers. It goes into the
 * kube-prometheus-stack values (`alertmanager.config`); credentials stay in Secrets mounted into the
 * Alertmanager pods (`alertmanagerSpec.secrets`), referenced by `*_file` paths, so no value is in Git.
 */

/** Where the prometheus-operator mounts each Secret listed in `alertmanagerSpec.secrets`. */
export const ALERTMANAGER_SECRETS_DIR = '/etc/alertmanager/secrets';

type SecretRef = { secret: string; key: string };
const file = (ref: SecretRef) => `${ALERTMANAGER_SECRETS_DIR}/${ref.secret}/${ref.key}`;

/** A webhook, with its bearer token read from a mounted Secret (never in the config itself). */
function webhook(w: { url: string; token?: SecretRef | undefined }, sendResolved: boolean) {
  return {
    url: w.url,
    send_resolved: sendResolved,
    ...(w.token
      ? { http_config: { authorization: { type: 'Bearer', credentials_file: file(w.token) } } }
      : {}),
  };
}

export const RECEIVERS = { null: 'null', person: 'person', heartbeat: 'heartbeat' } as const;

/** The Secrets (name → keys) Alertmanager reads its credentials from. */
export function alertingSecrets(cluster: Cluster): Map<string, string[]> {
  const a = cluster.alerting;
  const refs = [a.email?.password, a.webhook?.token, a.heartbeat?.token].filter(
    (r): r is SecretRef => r !== undefined,
  );
  const out = new Map<string, string[]>();
  for (const r of refs) out.set(r.secret, [...new Set([...(out.get(r.secret) ?? []), r.key])].sort());
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Routes: everything to the person (e-mail and/or webhook), grouped per alert and namespace, critical
 * alerts repeated every 4h until resolved; the always-firing `Watchdog` to the heartbeat service every
 * `interval` (it pages when the pings stop: a dead Prometheus or Alertmanager is noticed); the chart's
 * `InfoInhibitor` nowhere. Without any receiver every alert lands in `null`: the runbook says so.
 */
export function alertmanagerConfig(cluster: Cluster): Record<string, unknown> {
  const a = cluster.alerting;
  const person = a.email || a.webhook;
  const receivers: Record<string, unknown>[] = [{ name: RECEIVERS.null }];
  if (person) {
    receivers.push({
      name: RECEIVERS.person,
      ...(a.email
        ? {
            email_configs: [
              {
                to: a.email.to,
                from: a.email.from,
                smarthost: a.email.smarthost,
                auth_username: a.email.username,
                auth_password_file: file(a.email.password),
                require_tls: true,
                send_resolved: true,
              },
            ],
          }
        : {}),
      ...(a.webhook ? { webhook_configs: [webhook(a.webhook, true)] } : {}),
    });
  }
  if (a.heartbeat)
    receivers.push({
      name: RECEIVERS.heartbeat,
      webhook_configs: [webhook(a.heartbeat, false)],
    });
  return {
    global: { resolve_timeout: '5m' },
    route: {
      receiver: person ? RECEIVERS.person : RECEIVERS.null,
      group_by: ['alertname', 'namespace'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '12h',
      routes: [
        {
          receiver: a.heartbeat ? RECEIVERS.heartbeat : RECEIVERS.null,
          matchers: ['alertname = "Watchdog"'],
          group_wait: '0s',
          group_interval: a.heartbeat?.interval ?? '5m',
          repeat_interval: a.heartbeat?.interval ?? '5m',
        },
        { receiver: RECEIVERS.null, matchers: ['alertname = "InfoInhibitor"'] },
        ...(person
          ? [{ receiver: RECEIVERS.person, matchers: ['severity = "critical"'], repeat_interval: '4h' }]
          : []),
      ],
    },
    // A critical alert silences the warnings of the same alert and namespace.
    inhibit_rules: [
      {
        source_matchers: ['severity = "critical"'],
        target_matchers: ['severity = "warning"'],
        equal: ['alertname', 'namespace'],
      },
    ],
    receivers,
    templates: ['/etc/alertmanager/config/*.tmpl'],
  };
}
