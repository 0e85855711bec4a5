import { describe, expect, it } from 'vitest';
import { entry, pod, rollout } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('pinned-images');
const withImage = (image: string | undefined) => {
  const p = pod();
  (p.spec.containers[0] as { image?: string }).image = image;
  return rollout({}, p);
};
const cluster = (imageName: string) =>
  entry('x.yaml', {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: 'db', namespace: 'n' },
    spec: { imageName },
  });

describe('pinned-images', () => {
  itChecksFixtures(r);
  it('rejects latest and untagged images, accepts tags, digests and registry ports', () => {
    expect(run(r, [withImage('ghcr.io/acme/demo:latest')])).toHaveLength(1);
    expect(run(r, [withImage('ghcr.io/acme/demo')])).toHaveLength(1);
    expect(run(r, [withImage('registry:5000/acme/demo')])).toHaveLength(1);
    expect(run(r, [withImage(`ghcr.io/acme/demo@sha256:${'a'.repeat(64)}`)])).toEqual([]);
    expect(run(r, [withImage('registry:5000/acme/demo:sha-1')])).toEqual([]);
  });
  it('reads full references anywhere in an object, such as a CNPG imageName', () => {
    expect(run(r, [cluster('ghcr.io/cloudnative-pg/postgresql:17.5')])).toEqual([]);
    expect(run(r, [cluster(`ghcr.io/x/y@sha256:${'a'.repeat(64)}`)])).toEqual([]);
    expect(run(r, [cluster('postgres:latest')])).toEqual([
      'Cluster n/db: spec.imageName: "postgres:latest" uses the moving "latest" tag [pinned-images]',
    ]);
    expect(run(r, [cluster('localhost:5000/postgres')])).toEqual([
      'Cluster n/db: spec.imageName: "localhost:5000/postgres" has no tag, so it runs "latest" [pinned-images]',
    ]);
  });
  it('reads Helm values that split repository and tag', () => {
    const app = entry('x.yaml', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'argocd' },
      spec: { source: { helm: { valuesObject: { image: { repository: 'x/y', tag: 'latest' } } } } },
    });
    expect(run(r, [app])).toEqual([
      'Application argocd/a: spec.source.helm.valuesObject.image.tag: uses the moving "latest" tag [pinned-images]',
    ]);
  });
  it('flags a container without an image', () => {
    expect(run(r, [withImage(undefined)])).toEqual([
      'Rollout demo/demo: spec.template.spec.containers[0].image: is missing [pinned-images]',
    ]);
  });
});
