import { describe, expect, it } from 'vitest';
import { claimedHosts, hostOf, matchHosts, routedHosts, servedTls } from '../../src/inspect/hosts.js';
import type { PlainManifest } from '../../src/render/manifest.js';

const object = (kind: string, spec: Record<string, unknown>) =>
  ({ apiVersion: 'x/v1', kind, metadata: { name: 'demo', namespace: 'demo' }, spec }) as PlainManifest;
const ingress = object('Ingress', {
  tls: [{ hosts: ['tls.demo.dev'], secretName: 'demo-tls' }],
  rules: [{ host: 'api.demo.dev' }, {}],
});
const route = object('IngressRoute', {
  tls: { secretName: 'demo-tls' },
  routes: [{ match: 'Host(`api.demo.dev`) && PathPrefix(`/v1`)' }, { match: 'Host(`www.demo.dev`)' }],
});

describe('hosts', () => {
  it('reads every Host(…) of a Traefik rule', () => {
    expect(matchHosts('Host(`a.dev`) || (Host(`b.dev`) && Path(`/x`))')).toEqual(['a.dev', 'b.dev']);
  });
  it('reads the hosts an Ingress or an IngressRoute routes', () => {
    expect(routedHosts(ingress)).toEqual(['api.demo.dev']);
    expect(routedHosts(route)).toEqual(['api.demo.dev', 'www.demo.dev']);
    expect(routedHosts(object('Service', {}))).toEqual([]);
  });
  it('pairs each served TLS secret with the hosts it must cover', () => {
    expect(servedTls(ingress)).toEqual([{ secret: 'demo-tls', hosts: ['tls.demo.dev', 'api.demo.dev'] }]);
    expect(servedTls(route)).toEqual([{ secret: 'demo-tls', hosts: ['api.demo.dev', 'www.demo.dev'] }]);
  });
  it('collects the hosts an object claims, URLs reduced to their host', () => {
    expect(claimedHosts(ingress)).toEqual(['api.demo.dev', 'tls.demo.dev']);
    expect(claimedHosts(object('Certificate', { dnsNames: ['a.dev', 'b.dev'] }))).toEqual(['a.dev', 'b.dev']);
    expect(claimedHosts(object('Keycloak', { hostname: { hostname: 'https://auth.demo.dev' } }))).toEqual([
      'auth.demo.dev',
    ]);
    expect(hostOf('not a url://')).toBeUndefined();
    expect(hostOf(42)).toBeUndefined();
  });
});
