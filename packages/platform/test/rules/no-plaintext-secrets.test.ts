import { describe, expect, it } from 'vitest';
import { entry, service } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('no-plaintext-secrets');
const secret = (fields: object) =>
  entry('x.yaml', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n' }, ...fields });

describe('no-plaintext-secrets', () => {
  itChecksFixtures(r);
  it('flags data and stringData, and a Secret without values too', () => {
    expect(run(r, [secret({ data: { A: 'eA==' } })])).toEqual([
      'Secret n/s: data: holds secret values in Git [no-plaintext-secrets]',
    ]);
    expect(run(r, [secret({ stringData: { A: 'x' } })])).toHaveLength(1);
    expect(run(r, [secret({ type: 'Opaque', data: {} })])).toEqual([
      'Secret n/s: is a Secret rendered into Git [no-plaintext-secrets]',
    ]);
    expect(run(r, [service()])).toEqual([]);
  });
});
