import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentKey } from '../src/startup/content-key.js';

describe('contentKey (start-up cache keys without node:crypto)', () => {
  it('is 32 hex characters, the same for the same parts', () => {
    expect(contentKey('v24.21.0', 'export default 1;\n')).toMatch(/^[0-9a-f]{32}$/);
    expect(contentKey('a', 'b')).toBe(contentKey('a', 'b'));
  });

  it('tells part boundaries apart', () => {
    expect(contentKey('ab', 'c')).not.toBe(contentKey('a', 'bc'));
    expect(contentKey('abc')).not.toBe(contentKey('abc', ''));
    expect(contentKey('')).not.toBe(contentKey());
  });

  it('gives different keys to different texts, even one unit apart', () => {
    const keys = new Map<string, string>();
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.nat(199),
        fc.nat(0xffff),
        (text, at, unit) => {
          const edited =
            at < text.length
              ? text.slice(0, at) + String.fromCharCode(unit) + text.slice(at + 1)
              : `${text}x`;
          for (const t of [text, edited]) {
            const key = contentKey(t);
            const seen = keys.get(key);
            expect(seen === undefined || seen === t, 'a collision').toBe(true);
            keys.set(key, t);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('changes about half of its bits for a one-bit change (no weak bits)', () => {
    const bits = (hex: string) => BigInt(`0x${hex}`);
    let flipped = 0;
    let samples = 0;
    for (let i = 0; i < 500; i++) {
      const text = `workload-${i}.ts source`;
      const a = bits(contentKey(text));
      const b = bits(
        contentKey(text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) ^ 1)),
      );
      flipped += (a ^ b).toString(2).replaceAll('0', '').length;
      samples++;
    }
    const average = flipped / samples;
    expect(average).toBeGreaterThan(60);
    expect(average).toBeLessThan(68);
  });
});
