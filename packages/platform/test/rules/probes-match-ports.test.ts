import { describe, expect, it } from 'vitest';
import { pod, rollout } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('probes-match-ports');
const withProbe = (probe: Record<string, unknown>) => {
  const template = pod();
  Object.assign(template.spec.containers[0]!, probe);
  return rollout({}, template);
};

describe('probes-match-ports', () => {
  itChecksFixtures(r);
  it('passes for probes on the named port or its number', () => {
    expect(run(r, [withProbe({ readinessProbe: { httpGet: { path: '/readyz', port: 'http' } } })])).toEqual(
      [],
    );
    expect(run(r, [withProbe({ livenessProbe: { tcpSocket: { port: 8080 } } })])).toEqual([]);
  });
  it('fails for a probe on a port the container does not declare [probes-match-ports]', () => {
    expect(run(r, [withProbe({ livenessProbe: { httpGet: { path: '/livez', port: 'admin' } } })])).toEqual([
      'Rollout demo/demo: spec.template.spec.containers[0].livenessProbe: probes port "admin", which container "demo" does not declare [probes-match-ports]',
    ]);
    expect(run(r, [withProbe({ startupProbe: { httpGet: { path: '/', port: 9090 } } })])).toHaveLength(1);
  });
});
