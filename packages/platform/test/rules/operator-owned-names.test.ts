import { describe, expect, it } from 'vitest';
import { entry } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('operator-owned-names');
const keycloak = (serviceMonitor?: { enabled: boolean }) =>
  entry('platform/keycloak/keycloak-keycloak.yaml', {
    apiVersion: 'k8s.keycloak.org/v2beta1',
    kind: 'Keycloak',
    metadata: { name: 'keycloak', namespace: 'keycloak' },
    spec: {
      additionalOptions: [{ name: 'metrics-enabled', value: 'true' }],
      ...(serviceMonitor ? { serviceMonitor } : {}),
    },
  });
const monitor = entry('platform/keycloak/servicemonitor-keycloak.yaml', {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'ServiceMonitor',
  metadata: { name: 'keycloak', namespace: 'keycloak' },
  spec: {},
});

describe('operator-owned-names', () => {
  itChecksFixtures(r);
  it('passes when the operator owns its ServiceMonitor alone, or ours replaces a disabled one', () => {
    expect(run(r, [keycloak()])).toEqual([]);
    expect(run(r, [keycloak({ enabled: false }), monitor])).toEqual([]);
  });
  it('fails on a ServiceMonitor named like the Keycloak CR while the operator makes one', () => {
    expect(run(r, [keycloak(), monitor])).toEqual([
      'platform/keycloak/servicemonitor-keycloak.yaml: ServiceMonitor keycloak/keycloak: is created and owned by the operator for Keycloak keycloak; rendering it too makes both fight over it [operator-owned-names]',
    ]);
  });
  it('fails on a CNPG-generated Service or Secret name', () => {
    const cluster = entry('workloads/demo/database/cluster-demo-pg.yaml', {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'demo-pg', namespace: 'demo' },
      spec: {},
    });
    const rw = entry('workloads/demo/service-demo-pg-rw.yaml', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'demo-pg-rw', namespace: 'demo' },
      spec: {},
    });
    expect(run(r, [cluster, rw])).toHaveLength(1);
  });
});
