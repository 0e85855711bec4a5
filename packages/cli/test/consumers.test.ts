import type { PlainManifest } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { consumers, valuesConsumers } from '../src/lib/consumers.ts';

const Mi = 1024 ** 2;
const entry = (manifest: object) => ({ file: 'x.yaml', manifest: manifest as PlainManifest });

const rollout = (canary: object, replicas = 4) =>
  entry({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'app', namespace: 'app' },
    spec: {
      replicas,
      strategy: { canary },
      template: {
        spec: {
          initContainers: [{ name: 'init', resources: { requests: { cpu: '500m', memory: '64Mi' } } }],
          containers: [
            { name: 'a', resources: { requests: { cpu: '100m', memory: '128Mi' } } },
            { name: 'b', resources: { requests: { cpu: '100m', memory: '128Mi' } } },
          ],
        },
      },
    },
  });

describe('what holds CPU and memory', () => {
  it('counts a pod as its containers, or its largest init container when larger', () => {
    const [steady] = consumers([rollout({})], () => undefined);
    expect(steady).toMatchObject({ what: 'Rollout app/app', replicas: 4, lifetime: 'steady' });
    expect(steady!.requests).toEqual({ cpu: 0.5, memory: 256 * Mi });
  });

  it('adds the extra pods of a canary as transient: maxSurge, or the last weight with traffic routing', () => {
    const surge = (canary: object) =>
      consumers([rollout(canary)], () => undefined).find((c) => c.lifetime === 'transient');
    expect(surge({})?.replicas).toBe(1); // default maxSurge 25% of 4
    expect(surge({ maxSurge: 2 })?.replicas).toBe(2);
    expect(surge({ trafficRouting: {}, steps: [{ setWeight: 20 }, { setWeight: 80 }] })?.replicas).toBe(4);
    expect(surge({ maxSurge: 0 })).toBeUndefined();
  });

  it('reads CNPG and Keycloak resources per instance', () => {
    const list = consumers(
      [
        entry({
          apiVersion: 'postgresql.cnpg.io/v1',
          kind: 'Cluster',
          metadata: { name: 'db', namespace: 'app' },
          spec: { instances: 3, resources: { requests: { cpu: '100m', memory: '256Mi' } } },
        }),
        entry({
          apiVersion: 'k8s.keycloak.org/v2beta1',
          kind: 'Keycloak',
          metadata: { name: 'kc', namespace: 'kc' },
          spec: {},
        }),
      ],
      () => undefined,
    );
    expect(list[0]).toMatchObject({ replicas: 3, requests: { cpu: 0.1, memory: 256 * Mi }, unbounded: [] });
    expect(list[1]).toMatchObject({ replicas: 1, unbounded: ['Keycloak kc/kc'] });
  });

  it('finds every resources block in Helm values, with its replicas, skipping disabled parts', () => {
    const list = valuesConsumers(
      {
        controller: { replicas: 2, resources: { requests: { cpu: '50m', memory: 64 } } },
        server: { replicaCount: '3', resources: { limits: { memory: '1Gi' } } },
        dex: { enabled: false, resources: { requests: { cpu: 1 } } },
        resources: { requests: { cpu: 1 } },
      },
      'argocd',
      'Helm release argocd',
    );
    expect(list.map((c) => [c.what, c.replicas])).toEqual([
      ['Helm release argocd', 1],
      ['Helm release argocd: controller', 2],
      ['Helm release argocd: server', 3],
    ]);
    expect(list[1]!.requests).toEqual({ cpu: 0.05, memory: 64 });
  });

  it('parses the values string of a k3s HelmChartConfig', () => {
    const [traefik] = consumers(
      [
        entry({
          apiVersion: 'helm.cattle.io/v1',
          kind: 'HelmChartConfig',
          metadata: { name: 'traefik', namespace: 'kube-system' },
          spec: { valuesContent: 'resources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n' },
        }),
      ],
      () => undefined,
    );
    expect(traefik).toMatchObject({ namespace: 'kube-system', requests: { cpu: 0.1, memory: 128 * Mi } });
  });
});
