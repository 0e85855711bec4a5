import { describe, expect, it } from 'vitest';
import { application, entry, namespace, service } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('namespaces-exist');

describe('namespaces-exist', () => {
  itChecksFixtures(r);
  it('accepts rendered namespaces, CreateNamespace destinations and bootstrap namespaces', () => {
    expect(run(r, [namespace(), service()])).toEqual([]);
    expect(run(r, [application('demo', { options: ['CreateNamespace=true'] }), service()])).toEqual([]);
    expect(
      run(r, [
        entry('x', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'monitoring' } }),
      ]),
    ).toEqual([]);
  });
  it('fails on a namespace nothing creates', () => {
    expect(run(r, [service()])).toEqual([
      'Service demo/demo: metadata.namespace: namespace demo is never created [namespaces-exist]',
    ]);
  });
});
