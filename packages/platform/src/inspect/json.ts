/**
 * Narrowing helpers for reading rendered objects as plain JSON: a field may be absent or of another shape
 * in someone's tree, and a wrong guess must read as "absent", never crash.
 */
export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A non-empty string, else undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * The value under a path of keys, e.g. `field(m, 'spec', 'template', 'spec')`; undefined when a step is
 * not an object. Keys are given one by one because some hold dots (`policy.default`).
 */
export const field = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((o, k) => obj(o)?.[k], value);
