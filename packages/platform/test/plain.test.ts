import fc from 'fast-check';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { describe, expect, it } from 'vitest';
import { jsonCopy } from '../src/render/plain.js';

/** What the one pass must equal: the JSON round trip, key order included. */
function roundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) as string);
}

function expectSameAsRoundTrip(value: unknown): void {
  const copy = jsonCopy(value);
  expect(copy).toEqual(roundTrip(value));
  expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
}

describe('jsonCopy (toPlain without the JSON text)', () => {
  it('equals the JSON round trip for any object, key order included', () => {
    const value = fc.anything({
      values: [
        fc.constant(undefined),
        fc.constant(null),
        fc.constant(-0),
        fc.double(),
        fc.integer(),
        fc.string(),
        fc.boolean(),
        fc.date({ noInvalidDate: true }),
      ],
      withNullPrototype: true,
      withSparseArray: true,
      withObjectString: true,
      maxDepth: 4,
    });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), (object) => expectSameAsRoundTrip(object)),
      { numRuns: 300 },
    );
  });

  it('reads kubernetes-models objects as their toJSON writes them (undefined fields dropped)', () => {
    const deployment = new Deployment({
      metadata: { name: 'app', namespace: 'app', labels: { b: '2', a: '1' }, annotations: undefined },
      spec: {
        selector: { matchLabels: { app: 'app' } },
        template: {
          metadata: { labels: { app: 'app' } },
          spec: {
            containers: [{ name: 'app', image: 'app:1', args: undefined, ports: [{ containerPort: -0 }] }],
          },
        },
      },
    });
    expectSameAsRoundTrip(deployment);
    expectSameAsRoundTrip({ nested: [deployment, { toJSON: (key: string) => `key ${key}` }] });
  });

  it('fails as the round trip does on cyclic data', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => jsonCopy(cyclic)).toThrow(TypeError);
    expect(() => jsonCopy(undefined)).toThrow(SyntaxError);
  });
});
