import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { WorkloadInput } from '../src/definition/schema.js';
import { problemsOf, render } from './render.js';

const base: WorkloadInput = {
  name: 'shop',
  domain: 'shop.dev',
  image: 'ghcr.io/acme/shop:sha-1234567',
  auth: {
    spa: { redirectUris: ['https://shop.dev/cb'], webOrigins: ['https://shop.dev'] },
    roles: ['viewer'],
  },
};
// biome-ignore lint/suspicious/noExplicitAny: rendered YAML is untyped data
const doc = (files: Map<string, string>, path: string): any => parse(files.get(path)!);

describe('egress that says exactly where', () => {
  it('adds each declared destination as its own policy, with its reason', () => {
    const files = render({
      ...base,
      egress: [{ cidr: '203.0.113.10/32', ports: [5432], reason: 'the partner warehouse database' }],
    });
    const policy = doc(files, 'workloads/shop/networkpolicy-shop-egress-extra-1.yaml');
    expect(policy.metadata.annotations).toEqual({ 'ultron.io/reason': 'the partner warehouse database' });
    expect(policy.spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: '203.0.113.10/32' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
    ]);
  });

  it('keeps the default HTTPS egress off Tailscale, link-local and the private ranges', () => {
    const https = doc(render(base), 'workloads/shop/networkpolicy-shop-egress-https.yaml');
    expect(https.spec.egress[0].to[0].ipBlock.except).toEqual(
      expect.arrayContaining(['100.64.0.0/10', '169.254.0.0/16', '10.0.0.0/8']),
    );
  });

  it('limits the database to the Kubernetes API at the address of the cluster definition', () => {
    const pg = doc(render(base), 'workloads/shop/networkpolicy-shop-pg.yaml');
    const api = pg.spec.egress.filter((r: { ports: { port: number }[] }) =>
      r.ports.some((p) => p.port === 6443),
    );
    expect(api).toEqual([
      { to: [{ ipBlock: { cidr: '100.64.0.1/32' } }], ports: [{ protocol: 'TCP', port: 6443 }] },
    ]);
  });

  it('refuses a destination that is not a CIDR, or has no reason', () => {
    expect(
      problemsOf({ ...base, egress: [{ cidr: 'db.partner.com', ports: [5432], reason: 'partner' }] }),
    ).toEqual(['workload.egress[0].cidr: must be an IPv4 CIDR']);
    expect(
      problemsOf({ ...base, egress: [{ cidr: '203.0.113.10/32', ports: [5432] }] as never }),
    ).toHaveLength(1);
  });
});

describe('the realm and its sync', () => {
  const files = render(base);
  const realm = doc(files, 'workloads/shop/realm/keycloakrealmimport-shop-realm.yaml');

  it('creates the realm with its own sync client, a service account limited to this realm', () => {
    const sync = realm.spec.realm.clients.find((c: { clientId: string }) => c.clientId === 'realm-sync');
    expect(sync).toMatchObject({
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Keycloak import placeholder, not JS
      secret: '${KC_SYNC_CLIENT_SECRET}',
    });
    expect(realm.spec.realm.users).toEqual([
      {
        username: 'service-account-realm-sync',
        enabled: true,
        serviceAccountClientId: 'realm-sync',
        clientRoles: { 'realm-management': ['manage-clients', 'manage-realm', 'view-clients', 'view-realm'] },
      },
    ]);
    expect(realm.spec.realm.roles.realm).toEqual([
      { name: 'viewer', description: 'managed by ultron realm sync' },
    ]);
  });

  it('runs the sync with client credentials from the environment, never the Keycloak admin', () => {
    const job = doc(files, 'workloads/shop/realm/job-shop-realm-sync.yaml');
    const env = job.spec.template.spec.containers[0].env;
    expect(env.find((e: { name: string }) => e.name === 'KC_CLI_CLIENT_SECRET').valueFrom).toEqual({
      secretKeyRef: { name: 'shop-kc', key: 'KC_SYNC_CLIENT_SECRET' },
    });
    expect(JSON.stringify(job)).not.toContain('initial-admin');
    expect(job.spec.template.metadata.labels['ultron.io/realm-sync']).toBe('true');
  });
});
