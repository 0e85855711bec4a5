import { describe, expect, it } from 'vitest';
import { certificate, entry, ingress } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('tls-matches-routes');

describe('tls-matches-routes', () => {
  itChecksFixtures(r);
  it('passes when a Certificate issues the secret for the routed host', () => {
    expect(run(r, [certificate(), ingress()])).toEqual([]);
    expect(run(r, [certificate(['*.demo.dev']), ingress()])).toEqual([]);
  });
  it('fails on a missing Certificate and on an uncovered host', () => {
    expect(run(r, [ingress()])[0]).toContain('which no rendered Certificate in demo issues');
    expect(run(r, [certificate(['demo.dev']), ingress()])[0]).toContain(
      'routes api.demo.dev, but Certificate demo-tls only covers demo.dev',
    );
  });
  it('reads IngressRoute hosts and tls', () => {
    const route = entry('r', {
      apiVersion: 'traefik.io/v1alpha1',
      kind: 'IngressRoute',
      metadata: { name: 'demo', namespace: 'demo' },
      spec: {
        routes: [{ match: 'Host(`api.demo.dev`) || Host(`www.demo.dev`)' }],
        tls: { secretName: 'demo-tls' },
      },
    });
    expect(run(r, [certificate(), route])).toEqual([
      'IngressRoute demo/demo: tls: routes www.demo.dev, but Certificate demo-tls only covers api.demo.dev [tls-matches-routes]',
    ]);
  });
});
