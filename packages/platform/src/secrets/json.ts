/**
 * Narrowing helpers for reading rendered objects as plain JSON: fields the CLI reads may be absent or of
 * another shape in someone's tree, and a wrong guess must read as "absent", never crash.
 */
export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A non-empty string, else undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The value at a dotted path, e.g. `spec.template.spec`. */
export const at = (v: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => obj(o)?.[k], v);
