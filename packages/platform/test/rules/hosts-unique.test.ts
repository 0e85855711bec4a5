import { describe, expect, it } from 'vitest';
import { ingress } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('hosts-unique');

describe('hosts-unique', () => {
  itChecksFixtures(r);
  it('fails when two apps route the same host', () => {
    expect(run(r, [ingress('api.demo.dev', 'x', 'a', 'a'), ingress('api.demo.dev', 'y', 'b', 'b')])).toEqual([
      'Ingress b/b: api.demo.dev: host api.demo.dev is already routed by Ingress a/a [hosts-unique]',
    ]);
    expect(run(r, [ingress('api.a.dev', 'x', 'a', 'a'), ingress('api.b.dev', 'y', 'b', 'b')])).toEqual([]);
  });
});
