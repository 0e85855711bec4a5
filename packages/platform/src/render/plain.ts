/**
 * One pass that returns exactly what `sortStringMaps(JSON.parse(JSON.stringify(object)))` returns (see
 * yaml.ts), for the data objects are made of: `toJSON()` is honoured, `undefined`, functions and
 * symbols are dropped from objects and become `null` in arrays, non-finite numbers become `null` and
 * `-0` becomes `0`, and label, annotation and matchLabels maps come out with sorted keys. It skips the
 * JSON text in between and the second copy the sorting made. Anything unusual (class instances other
 * than through `toJSON`, boxed primitives, bigints, a `__proto__` key, very deep or cyclic data)
 * returns `undefined`, and the caller takes the JSON round trip instead.
 */

import { Namespace } from 'kubernetes-models/v1/Namespace';

const UNSUPPORTED = Symbol('unsupported');
/**
 * kubernetes-models' `Model.prototype.toJSON`: a copy of the object without `undefined` values, which
 * this pass drops anyway, so objects whose toJSON is exactly that one are read directly (one deep copy
 * fewer per object). Any other toJSON is called, as JSON would.
 */
const MODEL_TO_JSON: unknown = Object.getPrototypeOf(Namespace.prototype).toJSON;
/** Dropped from an object, `null` in an array: what JSON does with undefined, functions and symbols. */
const SKIP = Symbol('skip');
const MAX_DEPTH = 500;

/** String maps anywhere in an object: their order carries no meaning, so it is sorted. */
export const STRING_MAPS = new Set(['labels', 'annotations', 'matchLabels']);

const isRawJson: (value: unknown) => boolean =
  (JSON as { isRawJSON?: (value: unknown) => boolean }).isRawJSON ?? (() => false);

/**
 * The value JSON would write for `value` (held under `key`, an index in arrays), as data; string maps
 * sorted when `sort`. When `share`, a plain record or array whose data comes out unchanged is returned
 * itself instead of a copy (copy-on-write): most of an object's nested data already is what JSON would
 * write, and building copies key by key was the largest cost of a render.
 */
function data(value: unknown, key: string | number, sort: boolean, depth: number, share: boolean): unknown {
  let model = false;
  if (value !== null && typeof value === 'object') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (toJSON === MODEL_TO_JSON && typeof toJSON === 'function') model = true;
    else if (typeof toJSON === 'function') value = toJSON.call(value, String(key));
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'object':
      break;
    case 'undefined':
    case 'function':
    case 'symbol':
      return SKIP;
    default:
      throw UNSUPPORTED;
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH || isRawJson(value)) throw UNSUPPORTED;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw UNSUPPORTED;
    let out: unknown[] | undefined = share ? undefined : new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const original: unknown = value[i];
      let item = data(original, i, sort, depth + 1, share);
      if (item === SKIP) item = null;
      if (out === undefined) {
        if (unchanged(item, original)) continue;
        out = value.slice(0, i);
      }
      out[i] = item;
    }
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  if (!model && proto !== Object.prototype && proto !== null) throw UNSUPPORTED;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Models and null-prototype records are always copied: the data is a plain Object.
  let out: Record<string, unknown> | undefined = share && proto === Object.prototype ? undefined : {};
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j]!;
    if (k === '__proto__') throw UNSUPPORTED;
    const stringMap = sort && STRING_MAPS.has(k);
    const original = record[k];
    let item = data(original, k, sort && !stringMap, depth + 1, share);
    if (stringMap && item !== null && typeof item === 'object') {
      item = Array.isArray(item)
        ? item.map((x) => sortStringMaps(x))
        : sortedKeys(item as Record<string, unknown>, share);
    }
    if (out === undefined) {
      if (unchanged(item, original)) continue;
      out = {};
      for (let m = 0; m < j; m++) out[keys[m]!] = record[keys[m]!];
    }
    if (item !== SKIP) out[k] = item;
  }
  return out ?? record;
}

/** `-0 === 0`, but JSON writes `-0` as `0`: a -0 is a change. */
function unchanged(item: unknown, original: unknown): boolean {
  return item === original && (item !== 0 || !Object.is(original, -0));
}

/** The record with its keys in sorted order; when `share`, the record itself if they already are. */
export function sortedKeys(record: Record<string, unknown>, share = false): Record<string, unknown> {
  const keys = Object.keys(record);
  if (share && keys.every((k, i) => i === 0 || keys[i - 1]! < k)) return record;
  const out: Record<string, unknown> = {};
  for (const k of keys.sort()) out[k] = record[k];
  return out;
}

/** Sorts every string map (labels, annotations, matchLabels) anywhere in plain data. */
export function sortStringMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortStringMaps);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] =
      STRING_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)
        ? sortedKeys(v as Record<string, unknown>)
        : sortStringMaps(v);
  }
  return out;
}

/**
 * `JSON.parse(JSON.stringify(object))` in one pass (no JSON text in between), or the round trip itself
 * for anything unusual: the same data, and the same errors.
 */
export function jsonCopy(object: unknown): unknown {
  return plainData(object, false);
}

/**
 * `jsonCopy(object)` that shares every nested record and array that already is plain data with `object`,
 * for code that only reads the data.
 */
export function plainView(object: unknown): unknown {
  return plainData(object, true);
}

function plainData(object: unknown, share: boolean): unknown {
  try {
    const out = data(object, '', false, 0, share);
    if (out !== SKIP) return out;
  } catch (error) {
    if (error !== UNSUPPORTED) throw error;
  }
  return JSON.parse(JSON.stringify(object) as string);
}

/**
 * `sortStringMaps(toPlain(object))` in one pass, or `undefined` when the round trip must do it. The result
 * shares every nested record and array that is already plain data with `object`: read it, do not change it.
 */
export function sortedPlain(object: unknown): Record<string, unknown> | undefined {
  try {
    const out = data(object, '', true, 0, true);
    return out !== null && typeof out === 'object' && !Array.isArray(out)
      ? (out as Record<string, unknown>)
      : undefined;
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}
