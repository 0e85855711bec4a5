import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { alertingSecrets, alertmanagerConfig } from '../src/alerting/alertmanager.js';
import { argoCdNotificationsValues } from '../src/alerting/argocd-notifications.js';
import { defineCluster } from '../src/cluster/define.js';
import type { ClusterInput } from '../src/cluster/schema.js';
import { argoCdRelease } from '../src/components/argocd/values.js';
import { kubePrometheusStackRelease } from '../src/components/kube-prometheus-stack/values.js';
import { clusterInput } from './platform-cluster.js';

/** amtool (Debian `prometheus-alertmanager`): required under CI=true, never silently skipped there. */
const amtool = spawnSync('amtool', ['--version'], { encoding: 'utf8' }).status === 0;
if (!amtool && process.env.CI === 'true')
  throw new Error('amtool is missing: install Debian prometheus-alertmanager (.ci/run does)');
if (!amtool) console.warn('alertmanager config checks skipped: amtool is not installed');

const FULL: ClusterInput['alerting'] = {
  email: {
    to: 'ops@acme.dev',
    from: 'alerts@acme.dev',
    smarthost: 'smtp.acme.dev:587',
    username: 'alerts',
    password: { secret: 'alertmanager-receivers', key: 'smtp-password' },
  },
  webhook: { url: 'https://ntfy.sh/acme', token: { secret: 'alertmanager-receivers', key: 'ntfy-token' } },
  heartbeat: { url: 'https://hc-ping.com/key/acme', interval: '2m' },
};
const DEFINITIONS: [string, ClusterInput['alerting']][] = [
  ['no receiver', {}],
  ['e-mail only', { email: FULL.email }],
  ['webhook without a token', { webhook: { url: 'https://ntfy.sh/acme' } }],
  ['every receiver and the heartbeat', FULL],
];
const withAlerting = (alerting: ClusterInput['alerting']) => defineCluster({ ...clusterInput, alerting });

const dir = mkdtempSync(join(tmpdir(), 'ultron-amtool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `amtool check-config` on a config as the chart would write it; returns amtool's verdict. */
function checkConfig(config: unknown, name: string): { ok: boolean; output: string } {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.yml`);
  writeFileSync(file, dump(config, { noRefs: true }));
  const run = spawnSync('amtool', ['check-config', file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!amtool)('the rendered Alertmanager config passes amtool check-config', () => {
  it.each(DEFINITIONS)('%s', (name, alerting) => {
    const values = kubePrometheusStackRelease(withAlerting(alerting)).values as {
      alertmanager: { config: unknown };
    };
    const verdict = checkConfig(values.alertmanager.config, name);
    expect(verdict.output).toContain('SUCCESS');
    expect(verdict.ok).toBe(true);
  });

  it('fails a broken config (the check can fail)', () => {
    const config = alertmanagerConfig(withAlerting(FULL)) as { route: { receiver: string } };
    const verdict = checkConfig({ ...config, route: { ...config.route, receiver: 'nobody' } }, 'broken');
    expect(verdict.ok).toBe(false);
    expect(verdict.output).toContain('undefined receiver "nobody"');
  });

  it('routes what amtool says it routes: alerts to the person, Watchdog to the heartbeat', () => {
    const file = join(dir, 'routes.yml');
    writeFileSync(file, dump(alertmanagerConfig(withAlerting(FULL))));
    const route = (...labels: string[]) =>
      execFileSync('amtool', ['config', 'routes', 'test', `--config.file=${file}`, ...labels], {
        encoding: 'utf8',
      }).trim();
    expect(route('alertname=AppBackupStale', 'severity=critical', 'namespace=penvoice')).toBe('person');
    expect(route('alertname=KubePodCrashLooping', 'severity=warning')).toBe('person');
    expect(route('alertname=Watchdog', 'severity=none')).toBe('heartbeat');
    expect(route('alertname=InfoInhibitor', 'severity=none')).toBe('null');
  });
});

describe('credentials stay out of the config', () => {
  const cluster = withAlerting(FULL);
  const values = kubePrometheusStackRelease(cluster).values as {
    alertmanager: { alertmanagerSpec: { secrets: string[] } };
  };

  it('mounts every Secret the receivers read and refers to files in it', () => {
    expect(values.alertmanager.alertmanagerSpec.secrets).toEqual(['alertmanager-receivers']);
    expect([...alertingSecrets(cluster)]).toEqual([
      ['alertmanager-receivers', ['ntfy-token', 'smtp-password']],
    ]);
    const text = JSON.stringify(alertmanagerConfig(cluster));
    expect(text).toContain('/etc/alertmanager/secrets/alertmanager-receivers/smtp-password');
    expect(text).toContain('/etc/alertmanager/secrets/alertmanager-receivers/ntfy-token');
  });

  it('sends nothing anywhere without a receiver, and says so by routing to "null"', () => {
    const config = alertmanagerConfig(withAlerting({})) as {
      route: { receiver: string };
      receivers: unknown[];
    };
    expect(config.route.receiver).toBe('null');
    expect(config.receivers).toEqual([{ name: 'null' }]);
  });
});

describe('Argo CD notifications', () => {
  it('tell the webhook about failed syncs and degraded apps, for every Application', () => {
    // biome-ignore lint/suspicious/noExplicitAny: chart values are free-form
    const n = argoCdNotificationsValues(withAlerting(FULL), 'https://argocd.acme.dev') as Record<string, any>;
    expect(n.enabled).toBe(true);
    expect(n.subscriptions).toEqual([
      { recipients: ['person:operator'], triggers: ['on-sync-failed', 'on-health-degraded'] },
    ]);
    expect(n.notifiers['service.webhook.person']).toContain('url: https://ntfy.sh/acme');
    expect(n.notifiers['service.webhook.person']).toContain('value: Bearer $webhook-token');
    expect(n.secret).toEqual({ create: false });
    // The template bodies are JSON the webhook receives.
    for (const t of Object.values(n.templates as Record<string, string>)) {
      const body = JSON.parse(t).webhook.person.body as string;
      expect(body).toContain('{{.app.metadata.name}}');
    }
  });

  it('stay off without a webhook', () => {
    const values = argoCdRelease(withAlerting({ email: FULL.email })).values as { notifications: unknown };
    expect(values.notifications).toEqual({ enabled: false });
  });
});
