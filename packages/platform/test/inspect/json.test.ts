import { describe, expect, it } from 'vitest';
import { arr, field, obj, str } from '../../src/inspect/json.js';

describe('json', () => {
  it('reads a path of keys, absent wherever a step is not an object', () => {
    const values = { configs: { rbac: { 'policy.default': 'role:readonly' } }, list: [{ a: 1 }] };
    expect(field(values, 'configs', 'rbac', 'policy.default')).toBe('role:readonly');
    expect(field(values, 'list', '0', 'a')).toBeUndefined();
    expect(field(undefined, 'a')).toBeUndefined();
    expect(field(values)).toBe(values);
  });
  it('narrows values, a wrong guess reading as absent', () => {
    expect(obj([])).toBeUndefined();
    expect(arr('x')).toEqual([]);
    expect(str('')).toBeUndefined();
    expect(str('a')).toBe('a');
  });
});
