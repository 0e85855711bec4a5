import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dump, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { JS_YAML_OPTIONS, toYaml } from '../src/render/yaml.js';
import { emitYaml } from '../src/render/yaml-emit.js';

const jsYaml = (value: unknown) => dump(value, JS_YAML_OPTIONS);

/**
 * Pieces strings are made of: every YAML indicator, whitespace and line breaks, characters js-yaml
 * escapes (control characters, NEL, NBSP, line separators, BOM, a lone surrogate), letters and digits,
 * and whole words each scalar type resolves (null, booleans old and new, ints in every base, floats,
 * dates, merge keys, base 60).
 */
const PIECES = [
  ...' -?:,[]{}#&*!|=>\'"%@`\n\t\r.+_~\\/aZxobeE0159é',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud800',
  '😀',
  '\x07',
  ...[
    'null',
    'Null',
    'NULL',
    'true',
    'False',
    'yes',
    'No',
    'on',
    'OFF',
    'y',
    'n',
    '<<',
    '.inf',
    '-.Inf',
    '.NaN',
  ],
  ...['0x1F', '0o17', '0b101', '017', '1_000', '+12', '-0', '1e5', '6.8523015e+5', '1:20', '190:20:30.15'],
  ...['2001-12-14', '2001-12-14t21:59:43.10-05:00', '2002-12-14 21:59:43.10 Z'],
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));
/** Mostly the characters manifests are written with, so that the fast path is what runs. */
const ordinaryText = fc
  .array(fc.constantFrom(...'abcXYZ019-._/:# \n@{}="\''), { maxLength: 12 })
  .map((parts) => parts.join(''));

const value = fc.letrec((tie) => ({
  scalar: fc.oneof(
    text,
    ordinaryText,
    fc.integer(),
    fc.double(),
    fc.constantFrom(-0, 1e21, 5e-7, Number.NaN, Number.POSITIVE_INFINITY),
    fc.boolean(),
    fc.constant(null),
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('scalar'),
    fc.array(fc.oneof(tie('node'), fc.constant(undefined)), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, ordinaryText), fc.oneof(tie('node'), fc.constant(undefined)), {
      maxKeys: 4,
    }),
  ),
})).node;

describe('emitYaml (js-yaml dump without its per-node type search)', () => {
  it('writes what js-yaml writes, byte for byte, whenever it writes at all', () => {
    fc.assert(
      fc.property(value, (v) => {
        const ours = emitYaml(v);
        if (ours !== undefined) expect(ours).toBe(jsYaml(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('hands only values that need double quotes or other types to js-yaml', () => {
    // Data made of printable characters, numbers, booleans and nulls is always its own.
    const plainData = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        ordinaryText,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          ordinaryText.filter((k) => !k.includes('\n')),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(plainData, (v) => {
        expect(emitYaml(v)).toBe(jsYaml(v));
      }),
      { numRuns: 2000 },
    );
    for (const needsJsYaml of [
      { tab: 'a\tb' },
      { 'multi\nline key': 1 },
      { [`k${'x'.repeat(1100)}`]: 1 },
      { when: new Date(0) },
      ['\u0085'],
    ])
      expect(emitYaml(needsJsYaml)).toBeUndefined();
    // toYaml still writes them, through js-yaml.
    expect(toYaml({ tab: 'a\tb' })).toBe('tab: "a\\tb"\n');
  });

  it('fails as js-yaml does on what YAML cannot hold', () => {
    expect(() => toYaml({ f: () => 1 })).toThrow(/unacceptable kind of an object to dump/);
  });

  it('writes every document of the rendered tree as it is committed', () => {
    const root = join(import.meta.dirname, '../../../gitops');
    let documents = 0;
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
      const file = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const data of loadAll(file)) {
        const ours = emitYaml(data);
        expect(ours, entry.name).toBe(jsYaml(data));
        expect(file.includes(ours!), entry.name).toBe(true);
        documents++;
      }
    }
    expect(documents).toBeGreaterThan(100);
  });
});
