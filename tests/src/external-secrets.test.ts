import { join } from 'node:path';
import { findRepoRoot, outOfBandSecrets } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';

const objects = loadTree(join(findRepoRoot(import.meta.dirname), 'gitops'));
const externalSecrets = objects.filter((o) => o.manifest.kind === 'ExternalSecret');
const made = new Set(
  externalSecrets.map((o) => {
    const target = (o.manifest as unknown as { spec: { target: { name: string } } }).spec.target.name;
    return `${o.manifest.metadata.namespace}/${target}`;
  }),
);

describe('with the OCI Vault backend, the tree creates every Secret it reads', () => {
  // What a human would have to create without ExternalSecrets: every Secret read and not generated.
  const read = outOfBandSecrets(objects.filter((o) => o.manifest.kind !== 'ExternalSecret'));

  it('reads Secrets at all (backups, client secrets, pull secret, repository credential)', () => {
    expect(read.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'penvoice-pg-backup-creds',
        'keycloak-pg-backup-creds',
        'penvoice-kc',
        'ghcr-pull',
        'gitops-repo',
      ]),
    );
  });

  it.each(read.map((n) => [`${n.namespace}/${n.name}`] as const))('%s has an ExternalSecret', (id) => {
    expect(made.has(id)).toBe(true);
  });

  it('leaves none to create by hand', () => {
    expect(outOfBandSecrets(objects)).toEqual([]);
  });

  it('reads every ExternalSecret from the one OCI Vault store, which the tree defines', () => {
    const stores = new Set(
      externalSecrets.map(
        (o) =>
          (o.manifest as unknown as { spec: { secretStoreRef: { name: string } } }).spec.secretStoreRef.name,
      ),
    );
    expect([...stores]).toEqual(['oci-vault']);
    expect(
      objects.some(
        (o) => o.manifest.kind === 'ClusterSecretStore' && o.manifest.metadata.name === 'oci-vault',
      ),
    ).toBe(true);
  });

  it('gives the private image a docker-registry Secret, created before the PreSync migrations pull it', () => {
    const pull = externalSecrets.find((o) => o.manifest.metadata.name === 'ghcr-pull')!;
    expect(pull.file).toBe('workloads/penvoice/database/externalsecret-ghcr-pull.yaml');
    expect(
      (pull.manifest as unknown as { spec: { target: { template: { type: string } } } }).spec.target.template
        .type,
    ).toBe('kubernetes.io/dockerconfigjson');
  });
});

describe('secrets nobody needs to know are generated, not typed', () => {
  it('pushes the API client secret into the vault from a Password generator, once', () => {
    const push = objects.find((o) => o.manifest.kind === 'PushSecret')!;
    const spec = (
      push.manifest as unknown as {
        spec: {
          updatePolicy: string;
          selector: { generatorRef: { kind: string; name: string } };
          data: { match: { secretKey: string; remoteRef: { remoteKey: string } } }[];
        };
      }
    ).spec;
    expect(spec.updatePolicy).toBe('IfNotExists');
    expect(spec.selector.generatorRef.kind).toBe('Password');
    expect(
      objects.some(
        (o) => o.manifest.kind === 'Password' && o.manifest.metadata.name === spec.selector.generatorRef.name,
      ),
    ).toBe(true);
    expect(spec.data).toEqual([
      {
        match: {
          secretKey: 'KC_API_CLIENT_SECRET',
          remoteRef: { remoteKey: 'penvoice-kc--kc_api_client_secret' },
        },
      },
    ]);
    // Both copies of the Secret (the API's and the realm's) read that one vault value.
    const readers = externalSecrets.filter((o) =>
      JSON.stringify(o.manifest).includes('"key":"penvoice-kc--kc_api_client_secret"'),
    );
    expect(readers.map((o) => o.manifest.metadata.namespace).sort()).toEqual(['keycloak', 'penvoice']);
  });
});
