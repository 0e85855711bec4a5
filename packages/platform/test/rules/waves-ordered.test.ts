import { describe, expect, it } from 'vitest';
import { application, entry } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('waves-ordered');

describe('waves-ordered', () => {
  itChecksFixtures(r);
  const pg = entry('workloads/demo/cluster-demo-pg.yaml', {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: 'demo-pg', namespace: 'demo' },
  });
  it('passes when the operator comes first', () => {
    expect(
      run(r, [
        application('cnpg-operator', { wave: -5, path: 'platform/cnpg-operator' }),
        application('demo', { wave: 10 }),
        pg,
      ]),
    ).toEqual([]);
  });
  it('fails when a CR user syncs with or before its operator, or without it', () => {
    expect(
      run(r, [
        application('cnpg-operator', { wave: 10, path: 'platform/cnpg-operator' }),
        application('demo', { wave: 10 }),
        pg,
      ])[0],
    ).toContain('wave 10 does not come after cnpg-operator (wave 10)');
    expect(run(r, [application('demo', { wave: 10 }), pg])[0]).toContain(
      'no cnpg-operator Application is rendered',
    );
  });
});
