import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/lib/json-format.ts';

describe('formatJson (Biome layout)', () => {
  it('expands objects and keeps short scalar arrays on one line', () => {
    expect(formatJson({ a: 1, list: ['x', 'y'], nested: { empty: {}, none: [] } })).toBe(
      '{\n  "a": 1,\n  "list": ["x", "y"],\n  "nested": {\n    "empty": {},\n    "none": []\n  }\n}\n',
    );
  });

  it('breaks an array that would pass the line width', () => {
    const long = ['a'.repeat(60), 'b'.repeat(60)];
    expect(formatJson({ long })).toBe(`{\n  "long": [\n    "${long[0]}",\n    "${long[1]}"\n  ]\n}\n`);
  });
});
