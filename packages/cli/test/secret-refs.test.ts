import type { PlainManifest } from '@ultron/platform';
import { outOfBandSecrets } from '@ultron/platform/core';
import { describe, expect, it } from 'vitest';

const entry = (manifest: object) => ({ file: 'x.yaml', manifest: manifest as PlainManifest });

const deployment = entry({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'shop' },
  spec: {
    template: {
      spec: {
        imagePullSecrets: [{ name: 'registry' }],
        containers: [
          {
            name: 'api',
            image: 'registry.example.com/shop/api:sha-1234567',
            env: [
              { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api-token', key: 'TOKEN' } } },
              { name: 'DB_URL', valueFrom: { secretKeyRef: { name: 'shop-pg-app', key: 'uri' } } },
              { name: 'FLAG', valueFrom: { secretKeyRef: { name: 'flags', key: 'FLAG', optional: true } } },
            ],
            envFrom: [{ secretRef: { name: 'api-env' } }],
          },
        ],
        volumes: [
          { name: 'certs', secret: { secretName: 'client-certs', items: [{ key: 'tls.crt', path: 'c' }] } },
          { name: 'tls', secret: { secretName: 'api-tls' } },
        ],
      },
    },
  },
});

const generators = [
  entry({
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: 'shop-pg', namespace: 'shop' },
    spec: {},
  }),
  entry({
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'api', namespace: 'shop' },
    spec: { secretName: 'api-tls' },
  }),
];

describe('out-of-band secrets of a tree', () => {
  const needs = outOfBandSecrets([deployment, ...generators]);
  const byName = Object.fromEntries(needs.map((n) => [n.name, n]));

  it('collects env, envFrom, volume and image pull references, merged per secret', () => {
    expect(needs.map((n) => n.name)).toEqual(['api-env', 'api-token', 'client-certs', 'flags', 'registry']);
    expect(byName['api-token']).toMatchObject({
      namespace: 'shop',
      keys: ['TOKEN'],
      type: 'generic',
      optional: false,
    });
    expect(byName['api-token']!.purposes).toEqual(['env TOKEN of Deployment shop/api (container api)']);
    expect(byName['api-env']).toMatchObject({
      keys: [],
      purposes: ['all keys as env of Deployment shop/api (container api)'],
    });
    expect(byName['client-certs']!.keys).toEqual(['tls.crt']);
    expect(byName.flags!.optional).toBe(true);
  });

  it('logs in to the registry the images come from', () => {
    expect(byName.registry).toMatchObject({
      type: 'docker-registry',
      known: { server: 'registry.example.com' },
    });
  });

  it('leaves out what operators and cert-manager generate', () => {
    expect(byName['shop-pg-app']).toBeUndefined();
    expect(byName['api-tls']).toBeUndefined();
  });

  it('reads CNPG backup credentials with the role of each key', () => {
    const [need] = outOfBandSecrets([
      entry({
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: { name: 'db', namespace: 'shop' },
        spec: {
          backup: {
            barmanObjectStore: {
              s3Credentials: {
                accessKeyId: { name: 'db-creds', key: 'ID' },
                secretAccessKey: { name: 'db-creds', key: 'SECRET' },
              },
            },
          },
        },
      }),
    ]);
    expect(need).toMatchObject({
      name: 'db-creds',
      keys: ['ID', 'SECRET'],
      roles: { ID: 'accessKeyId', SECRET: 'secretAccessKey' },
    });
  });
});
