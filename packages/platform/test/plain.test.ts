import fc from 'fast-check';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { describe, expect, it } from 'vitest';
import { jsonCopy, plainView, sortedPlain, sortStringMaps } from '../src/render/plain.js';

/** What the one pass must equal: the JSON round trip, key order included. */
function roundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) as string);
}

function expectSameAsRoundTrip(value: unknown): void {
  const copy = jsonCopy(value);
  expect(copy).toEqual(roundTrip(value));
  expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
}

const anyValue = fc.anything({
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

describe('jsonCopy (toPlain without the JSON text)', () => {
  it('equals the JSON round trip for any object, key order included', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), anyValue), (object) => expectSameAsRoundTrip(object)),
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

describe('plainView and sortedPlain (copy on write)', () => {
  it('give the same data as the copy, key order included', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('labels', 'annotations', 'a', 'b', 'z'), anyValue),
        (object) => {
          expect(JSON.stringify(plainView(object))).toBe(JSON.stringify(jsonCopy(object)));
          expect(plainView(object)).toEqual(jsonCopy(object));
          const sorted = sortedPlain(object);
          if (sorted) expect(JSON.stringify(sorted)).toBe(JSON.stringify(sortStringMaps(jsonCopy(object))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('share nested data that is already plain, and copy what is not', () => {
    const plainSpec = { replicas: 2, ports: [{ port: 80 }], selector: { matchLabels: { a: '1', b: '2' } } };
    const unsortedLabels = { z: '1', a: '2' };
    const withUndefined = { keep: 1, drop: undefined };
    const deployment = new Deployment({
      metadata: { name: 'app', labels: unsortedLabels },
      spec: plainSpec as never,
    });
    const sorted = sortedPlain(deployment)!;
    expect(sorted).not.toBe(deployment);
    // The model's own nested data (kubernetes-models copies what it is given) is shared.
    expect(sorted.spec).toBe(deployment.spec);
    expect((sorted.metadata as { labels: unknown }).labels).toEqual({ a: '2', z: '1' });
    expect((sorted.metadata as { labels: unknown }).labels).not.toBe(unsortedLabels);
    const view = plainView({ plainSpec, withUndefined }) as Record<string, unknown>;
    expect(view.plainSpec).toBe(plainSpec);
    expect(view.withUndefined).toEqual({ keep: 1 });
    expect(view.withUndefined).not.toBe(withUndefined);
    // The copy shares nothing.
    expect((jsonCopy({ plainSpec }) as Record<string, unknown>).plainSpec).not.toBe(plainSpec);
  });
});
