import { describe, expect, it } from 'vitest';
import { operatorOwned } from '../../src/inspect/operators.js';
import type { PlainManifest } from '../../src/render/manifest.js';

const object = (apiVersion: string, kind: string, spec: Record<string, unknown> = {}) =>
  ({ apiVersion, kind, metadata: { name: 'x', namespace: 'n' }, spec }) as PlainManifest;

describe('operators', () => {
  it('knows what the Keycloak operator makes, its ServiceMonitor only with metrics on', () => {
    const names = (m: PlainManifest) => operatorOwned(m).map((o) => `${o.kind}/${o.name}`);
    expect(names(object('k8s.keycloak.org/v2beta1', 'Keycloak'))).toEqual([
      'StatefulSet/x',
      'Service/x-service',
      'Service/x-discovery',
      'Secret/x-initial-admin',
    ]);
    const metrics = { additionalOptions: [{ name: 'metrics-enabled', value: 'true' }] };
    expect(names(object('k8s.keycloak.org/v2beta1', 'Keycloak', metrics))).toContain('ServiceMonitor/x');
  });
  it('knows what CNPG makes for a Cluster, and nothing for another group’s Cluster', () => {
    const owned = operatorOwned(
      object('postgresql.cnpg.io/v1', 'Cluster', { monitoring: { enablePodMonitor: true } }),
    );
    expect(owned.filter((o) => o.kind === 'Secret').map((o) => o.name)).toEqual([
      'x-app',
      'x-superuser',
      'x-ca',
      'x-server',
      'x-replication',
    ]);
    expect(owned).toContainEqual({ kind: 'PodMonitor', name: 'x' });
    expect(operatorOwned(object('cluster.x-k8s.io/v1beta1', 'Cluster'))).toEqual([]);
  });
});
