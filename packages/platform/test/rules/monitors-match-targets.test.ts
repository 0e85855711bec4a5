import { describe, expect, it } from 'vitest';
import { entry, service } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('monitors-match-targets');

describe('monitors-match-targets', () => {
  itChecksFixtures(r);
  const monitor = (port: string, labels = { app: 'demo' }) =>
    entry('workloads/demo/servicemonitor-demo.yaml', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'demo', namespace: 'demo' },
      spec: { selector: { matchLabels: labels }, endpoints: [{ port }] },
    });
  it('passes when a Service with that port name is selected', () => {
    expect(run(r, [service(), monitor('http')])).toEqual([]);
  });
  it('fails on a port name the Service lacks, and on no Service', () => {
    expect(run(r, [service(), monitor('metrics')])).toHaveLength(1);
    expect(run(r, [service(), monitor('http', { app: 'x' })])).toHaveLength(1);
  });
  it('knows the Service the Keycloak operator creates', () => {
    const kc = entry('k', {
      apiVersion: 'k8s.keycloak.org/v2beta1',
      kind: 'Keycloak',
      metadata: { name: 'keycloak', namespace: 'keycloak' },
    });
    const kcMonitor = (port: string) =>
      entry('m', {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: { name: 'keycloak', namespace: 'keycloak' },
        spec: {
          selector: { matchLabels: { 'app.kubernetes.io/instance': 'keycloak' } },
          endpoints: [{ port }],
        },
      });
    expect(run(r, [kc, kcMonitor('management')])).toEqual([]);
    expect(run(r, [kc, kcMonitor('metrics')])).toHaveLength(1);
    expect(run(r, [kcMonitor('management')])).toHaveLength(1);
  });
  it('knows CNPG pods and their metrics port', () => {
    const cluster = entry('x', {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'demo-pg', namespace: 'demo' },
    });
    const podMonitor = (port: string) =>
      entry('y', {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { name: 'demo-pg', namespace: 'demo' },
        spec: {
          selector: { matchLabels: { 'cnpg.io/cluster': 'demo-pg' } },
          podMetricsEndpoints: [{ port }],
        },
      });
    expect(run(r, [cluster, podMonitor('metrics')])).toEqual([]);
    expect(run(r, [cluster, podMonitor('prom')])).toHaveLength(1);
  });
});
