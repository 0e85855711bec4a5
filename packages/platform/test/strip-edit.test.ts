import { stripTypeScriptTypes } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restrip, stringSegments } from '../src/startup/strip-cache.js';

/** Node's own strip-only transform, the reference (its "experimental" warning silenced). */
function strip(source: string): string {
  const emit = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
}

/** A workload-like module whose values are `values`, written with `quote`. */
function workload(values: readonly string[], quote: "'" | '"'): string {
  const lit = (v: string) => `${quote}${v.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
  return [
    "import { defineWorkload, type WorkloadInput } from '@ultron/workload-kit';",
    "import cluster from '@ultron-gitops/cluster';",
    '',
    '/** A comment with "quotes" and an apostrophe: it\'s fine. */',
    `const replicas: number = 2; // it's a number`,
    `type Mode = 'fast' | "slow";`,
    `const mode: Mode = ${lit(values[0]!)} as Mode;`,
    'export default defineWorkload(cluster, {',
    `  name: ${lit(values[1]!)},`,
    `  image: ${lit(values[2]!)},`,
    `  env: { LOG_LEVEL: ${lit(values[3]!)} /* inline */ },`,
    '  replicas,',
    '  mode,',
    '} satisfies WorkloadInput);',
    '',
  ].join('\n');
}

const value = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ':', '/', '.', '-', ' ', "'", '"', '\\', 'é', '//', '*/'),
});

describe('restrip (stripping after an edit of string values)', () => {
  it('gives exactly what Node’s stripper gives for any change of values, and applies to every such change', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 4, maxLength: 4 }),
        fc.array(value, { minLength: 4, maxLength: 4 }),
        fc.constantFrom("'" as const, '"' as const),
        (before, after, quote) => {
          const previous = workload(before, quote);
          const source = workload(after, quote);
          const derived = restrip(previous, strip(previous), source);
          expect(derived).toBe(strip(source));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a change of code, of a string inside a type, a template literal or a bare slash', () => {
    const base = "const mode: 'a' | 'b' = 'a';\nexport const value = { tag: 'v1' };\n";
    const stripped = strip(base);
    expect(restrip(base, stripped, base.replace("tag: 'v1'", "tag: 'v2'"))).toBe(
      strip(base.replace('v1', 'v2')),
    );
    expect(restrip(base, stripped, base.replace('value', 'other'))).toBeUndefined();
    expect(restrip(base, stripped, base.replace("'a' | 'b'", "'a' | 'c'"))).toBeUndefined();
    expect(restrip(base, stripped, base.replace("'v1'", '`v1`'))).toBeUndefined();
    expect(restrip(base, stripped, `${base}export const half = 1 / 2;\n`)).toBeUndefined();
    expect(restrip(base, stripped, `${base}export const more = 'x';\n`)).toBeUndefined();
  });

  it('splits strings with escapes and leaves comments in the code', () => {
    const source = `a('it\\'s', "q\\"") // 'not a string'\n/* "nor" */ b('x')`;
    const strings = stringSegments(source)!
      .filter((s) => s.string)
      .map((s) => source.slice(s.start, s.end));
    expect(strings).toEqual(["'it\\'s'", '"q\\""', "'x'"]);
    expect(stringSegments("a('unterminated)")).toBeUndefined();
    expect(stringSegments("a('line\nbreak')")).toBeUndefined();
  });
});
