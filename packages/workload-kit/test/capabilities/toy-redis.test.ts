import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { redisCache } from '../../examples/redis-cache/index.js';
import { capabilities } from '../../src/capabilities/index.js';
import { problemsOf, renderWorkload, testCluster } from '../../src/testing/index.js';
import { checkTree } from '../render.js';

/** A new capability is one folder plus this one line in a copy of the registry. */
const registry = [...capabilities, redisCache];

const definition = {
  name: 'shop',
  domain: 'shop.dev',
  image: 'ghcr.io/acme/shop:sha-1a2b3c4',
  redis: { memory: '256Mi' },
};

/** Rules that need the platform's own objects (operators, identity project) to be rendered alongside. */
const PLATFORM_DEPENDENT = new Set(['waves-ordered', 'projects-contain-apps', 'namespaces-exist']);

describe('a toy capability: an optional Redis cache', () => {
  const app = renderWorkload(definition, { capabilities: registry });

  it('takes one folder of its own', () => {
    expect(readdirSync(join(import.meta.dirname, '../../examples/redis-cache')).sort()).toEqual([
      'index.ts',
      'objects.ts',
    ]);
  });

  it('renders its Deployment, Service and the NetworkPolicy admitting only the app', () => {
    expect(app.get('Deployment', 'shop-redis').metadata.namespace).toBe('shop');
    expect(app.get('Service', 'shop-redis').metadata.namespace).toBe('shop');
    const policy = app.get<{ spec: { ingress: unknown[] } }>('NetworkPolicy', 'shop-redis');
    expect(policy.spec.ingress).toEqual([
      {
        from: [{ podSelector: { matchLabels: { 'ultron.io/redis-client': 'true' } } }],
        ports: [{ protocol: 'TCP', port: 6379 }],
      },
    ]);
    // …and the network capability lets the app's pods out to it.
    const egress = app.get<{ spec: { egress: unknown[] } }>('NetworkPolicy', 'shop-egress-redis');
    expect(egress.spec.egress).toEqual([
      {
        to: [{ podSelector: { matchLabels: { app: 'shop-redis' } } }],
        ports: [{ protocol: 'TCP', port: 6379 }],
      },
    ]);
  });

  it('hands the app its address and password by reference, and labels its pods as clients', () => {
    const rollout = app.get<{
      spec: {
        template: {
          metadata: { labels: Record<string, string> };
          spec: { containers: { env: unknown[] }[] };
        };
      };
    }>('Rollout', 'shop');
    expect(rollout.spec.template.metadata.labels['ultron.io/redis-client']).toBe('true');
    expect(rollout.spec.template.spec.containers[0]!.env).toContainEqual({
      name: 'REDIS_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'shop-redis', key: 'password' } },
    });
    expect([...app.files.values()].some((text) => /^kind: Secret$/m.test(text))).toBe(false);
  });

  it('gets its Secret from the vault through an ExternalSecret, like every Secret the app reads', () => {
    const vault = testCluster({
      secrets: {
        backend: 'oci-vault',
        vault: 'ocid1.vault.oc1.eu-frankfurt-1.aaaa.bbbb',
        key: 'ocid1.key.oc1.eu-frankfurt-1.aaaa.cccc',
        compartment: 'ocid1.compartment.oc1..dddd',
      },
    });
    const withVault = renderWorkload(definition, { capabilities: registry, cluster: vault });
    expect(withVault.get('ExternalSecret', 'shop-redis').metadata.namespace).toBe('shop');
  });

  it('adds its budget, its secret reference and a backup note to the contributions', () => {
    expect(app.contributions.budget).toContainEqual({
      what: 'Redis cache',
      count: 1,
      requests: { cpu: '50m', memory: '256Mi' },
      limits: { memory: '256Mi' },
    });
    expect(app.contributions.secrets.map((s) => `${s.namespace}/${s.name}`)).toContain('shop/shop-redis');
    expect(app.contributions.backups.at(-1)).toMatchObject({
      object: { kind: 'Deployment', name: 'shop-redis' },
      note: expect.stringMatching(/^none: a cache/),
    });
  });

  it('holds together with the rest of the app under the platform rules', () => {
    const entries = app.objects.map(({ file, manifest }) => ({ file, manifest }));
    expect(
      checkTree(
        entries,
        rules.filter((r) => !PLATFORM_DEPENDENT.has(r.id)),
      ),
    ).toEqual([]);
  });

  it('is off by default, and its field is validated with the rest of the definition', () => {
    const { redis: _redis, ...without } = definition;
    expect(renderWorkload(without, { capabilities: registry }).all('Deployment')).toEqual([]);
    const tooMuch = { ...definition, redis: { memory: 'lots' } };
    expect(problemsOf(tooMuch, { capabilities: registry })).toEqual([
      expect.stringMatching(/^workload\.redis\.memory: /),
    ]);
    // Without the registration line, the field is unknown.
    expect(problemsOf(definition)).toEqual([expect.stringMatching(/^workload: Unrecognized key: "redis"/)]);
  });
});
