import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import LazyRE2 from '../src/render-bundle/lazy-re2.js';

const { RE2 } = createRequire(import.meta.url)('re2-wasm') as {
  RE2: new (source: string, flags: string) => { test(text: string): boolean };
};

describe('LazyRE2 (the bundle’s stand-in for the schemas’ RE2)', () => {
  // The Go-syntax pattern prometheus-operator's RuleGroup schema checks: JavaScript's RegExp rejects `(?i)`.
  const pattern = '^(?i)(abort|warn)?$';

  it('answers as RE2 does, building it on the first test', () => {
    const lazy = new LazyRE2(pattern, 'u');
    const re2 = new RE2(pattern, 'u');
    for (const text of ['abort', 'WARN', 'Abort', '', 'abortx', 'none', 'warn '])
      expect([text, lazy.test(text)]).toEqual([text, re2.test(text)]);
    expect(() => new RegExp(pattern, 'u')).toThrow();
  });

  it('fails on the first test, like RE2 at construction, for a pattern RE2 rejects', () => {
    const lazy = new LazyRE2('(?<=a)b', 'u');
    expect(() => new RE2('(?<=a)b', 'u')).toThrow();
    expect(() => lazy.test('ab')).toThrow();
  });
});
