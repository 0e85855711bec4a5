import { checkSlice } from '@ultron/platform';
import { CrdRegistry } from '@ultron/platform/conformance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prerequisite } from '../../../testing/prerequisites.js';
import type { WorkloadInput } from '../src/definition/schema.js';
import { entriesOf, problemsOf, render } from './render.js';

// With the pinned CRDs at hand, every random definition that renders must also be schema-valid.
const crdsDir = process.env.ULTRON_CRDS_DIR;
const registry = prerequisite(
  'strict CRD schemas in the kit property test',
  crdsDir ? null : 'ULTRON_CRDS_DIR is not set',
)
  ? CrdRegistry.fromDirectory(crdsDir!)
  : null;

/** Mostly a valid value, sometimes an arbitrary one: each field breaks rarely, so both outcomes occur often. */
const mostly = <T>(valid: fc.Arbitrary<T>, broken: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: broken, weight: 1 }) as fc.Arbitrary<T>;
const name = mostly(fc.constantFrom('demo', 'a', 'my-app', 'x'.repeat(47)), fc.string({ maxLength: 70 }));
const quantity = mostly(fc.constantFrom('100m', '1', '256Mi', '512Mi'), fc.string({ maxLength: 6 }));
const definition: fc.Arbitrary<WorkloadInput> = fc.record(
  {
    name,
    domain: mostly(
      fc.constantFrom('demo.dev', 'example.org'),
      fc.oneof(fc.domain(), fc.string({ maxLength: 10 })),
    ),
    image: mostly(
      fc.constantFrom('ghcr.io/acme/demo:sha-1a2b3c4', `ghcr.io/acme/demo@sha256:${'0'.repeat(64)}`),
      fc.oneof(fc.constant('ghcr.io/acme/demo:latest'), fc.string({ maxLength: 30 })),
    ),
    port: mostly(fc.integer({ min: 1024, max: 65535 }), fc.integer({ min: -5, max: 70000 })),
    replicas: mostly(fc.integer({ min: 1, max: 20 }), fc.integer({ min: -1, max: 25 })),
    resources: fc.record({
      requests: fc.record({ cpu: quantity, memory: quantity }),
      limits: fc.record({ memory: quantity }),
    }),
    canary: fc.record(
      {
        steps: mostly(
          fc
            .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 })
            .map((a) => a.sort((x, y) => x - y)),
          fc.array(fc.integer({ min: -10, max: 120 }), { maxLength: 5 }),
        ),
        pause: mostly(fc.constantFrom('60s', '5m'), fc.constantFrom('1 minute', '')),
        successThreshold: mostly(
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.double({ min: -1, max: 2, noNaN: true }),
        ),
        trafficRouting: fc.constantFrom('replicas', 'traefik'),
      },
      { requiredKeys: [] },
    ),
    database: fc.oneof(
      fc.constant(false as const),
      fc.record(
        {
          size: quantity,
          backup: fc.record(
            {
              schedule: mostly(
                fc.constantFrom('0 0 3 * * *', '0 */30 * * * *'),
                fc.constantFrom('0 3 * * *', 'nonsense'),
              ),
              method: fc.constantFrom('barmanObjectStore', 'plugin'),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    migrations: fc.oneof(fc.constant(false as const), fc.constant(undefined)),
    auth: fc.oneof(
      fc.constant(false as const),
      fc.constant({ spa: { redirectUris: ['https://demo.dev/cb'], webOrigins: ['https://demo.dev'] } }),
    ),
  },
  { requiredKeys: ['name', 'domain', 'image'] },
) as fc.Arbitrary<WorkloadInput>;

// Compiling the CRD schemas and 300 full renders take seconds on a loaded 2-core machine.
describe('random definitions', { timeout: 120_000 }, () => {
  it('either render a valid, consistent tree or fail with path-specific problems — never crash', () => {
    let rendered = 0;
    let rejected = 0;
    fc.assert(
      fc.property(definition, (input) => {
        const problems = problemsOf(input);
        if (problems === undefined) {
          rendered++;
          const entries = entriesOf(render(input));
          expect(checkSlice(entries)).toEqual([]);
          for (const { manifest } of registry ? entries : []) {
            const verdict = registry!.validate(manifest);
            expect(verdict.status === 'invalid' ? verdict.problems : []).toEqual([]);
          }
        } else {
          rejected++;
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) expect(p).toMatch(/^workload[.[:]|^[A-Z][A-Za-z]+ /);
        }
      }),
      { numRuns: 300, seed: 20261126 },
    );
    // Both outcomes must actually occur, or the generator tests nothing.
    expect(rendered).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
  });
});
