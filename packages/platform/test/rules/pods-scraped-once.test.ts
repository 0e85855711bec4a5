import { describe, expect, it } from 'vitest';
import { entry, rollout, service } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('pods-scraped-once');
const monitor = entry('workloads/demo/servicemonitor-demo.yaml', {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'ServiceMonitor',
  metadata: { name: 'demo', namespace: 'demo' },
  spec: { selector: { matchLabels: { app: 'demo' } }, endpoints: [{ port: 'http' }] },
});
const labelled = (name: string, labels: Record<string, string>) => {
  const e = service(name);
  (e.manifest.metadata as { labels?: Record<string, string> }).labels = labels;
  return e;
};

describe('pods-scraped-once', () => {
  itChecksFixtures(r);
  it('passes when one Service carries the monitored label', () => {
    expect(
      run(r, [rollout(), labelled('demo', { app: 'demo' }), labelled('demo-canary', {}), monitor]),
    ).toEqual([]);
  });
  it('fails when canary and stable Services carry it too (each pod scraped three times)', () => {
    const problems = run(r, [
      rollout(),
      labelled('demo', { app: 'demo' }),
      labelled('demo-canary', { app: 'demo' }),
      labelled('demo-stable', { app: 'demo' }),
      monitor,
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Rollout demo\/demo: spec\.template\.spec: is scraped 3 times/);
  });
});
