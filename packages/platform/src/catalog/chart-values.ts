/**
 * Checks Helm values against a chart's default values.yaml. Helm silently ignores a key the chart does
 * not read, so a typo or a key renamed upstream would fail quietly; here it fails the test suite instead.
 */

import { field } from '../inspect/json.js';

/**
 * Which parts of a values object may be absent from the chart's defaults, and why. Paths are dotted
 * patterns: `*` matches one segment, a leading `**.` any prefix. Keep these lists tiny.
 */
export interface ValuesPolicy {
  /** Maps the chart passes through verbatim (their contents are not chart keys), beyond FREE_FORM_MAPS. */
  freeForm?: readonly string[];
  /** Keys documented in a subchart's own defaults, which the parent chart's values.yaml does not repeat. */
  subchartKeys?: readonly string[];
  /** `resources` maps of components these values leave switched off, so they need no sizing. */
  unusedResources?: readonly string[];
}

/**
 * Maps every chart passes straight into Kubernetes objects, so their keys are Kubernetes', not the chart's:
 * container resources and label/annotation maps. They must still exist in the defaults themselves.
 */
export const FREE_FORM_MAPS: readonly string[] = [
  '**.resources',
  '**.annotations',
  '**.labels',
  '**.additionalLabels',
  '**.podAnnotations',
  '**.podLabels',
];

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `['configs', 'params', 'server.insecure']` → `configs.params["server.insecure"]` */
export function formatValuesPath(path: readonly string[]): string {
  return path.map((k, i) => (k.includes('.') ? `["${k}"]` : i === 0 ? k : `.${k}`)).join('');
}

function matches(pattern: string, path: readonly string[]): boolean {
  const anyPrefix = pattern.startsWith('**.');
  const parts = (anyPrefix ? pattern.slice(3) : pattern).split('.');
  if (anyPrefix ? path.length < parts.length : path.length !== parts.length) return false;
  const tail = path.slice(path.length - parts.length);
  return parts.every((p, i) => p === '*' || p === tail[i]);
}

const matchesAny = (patterns: readonly string[], path: readonly string[]) =>
  patterns.some((p) => matches(p, path));

/**
 * Paths of `values` that the chart's `defaults` do not have. Lists are leaves (Helm replaces them whole),
 * free-form maps are not looked into, subchart keys are accepted as they are.
 */
export function unknownValuesKeys(values: unknown, defaults: unknown, policy: ValuesPolicy = {}): string[] {
  const freeForm = [...FREE_FORM_MAPS, ...(policy.freeForm ?? [])];
  const subchart = policy.subchartKeys ?? [];
  const unknown: string[] = [];
  const walk = (value: Plain, defaultsHere: unknown, path: string[]) => {
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (matchesAny(subchart, at)) continue;
      if (!isPlain(defaultsHere) || !(key in defaultsHere)) {
        unknown.push(formatValuesPath(at));
        continue;
      }
      if (isPlain(child) && !matchesAny(freeForm, at)) walk(child, defaultsHere[key], at);
    }
  };
  if (isPlain(values)) walk(values, defaults, []);
  return unknown.sort();
}

const SIZED = [
  ['requests', 'cpu'],
  ['requests', 'memory'],
  ['limits', 'cpu'],
  ['limits', 'memory'],
] as const;

/**
 * Every `resources` map the chart defines (plus subchart ones the policy names) that the values do not
 * fill with CPU and memory requests and limits, except those of components the values switch off.
 */
export function unsizedResources(values: unknown, defaults: unknown, policy: ValuesPolicy = {}): string[] {
  const paths: string[][] = [];
  const collect = (node: unknown, path: string[]) => {
    if (!isPlain(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'resources' && isPlain(child)) paths.push([...path, key]);
      else collect(child, [...path, key]);
    }
  };
  collect(defaults, []);
  for (const p of policy.subchartKeys ?? [])
    if (p.endsWith('.resources') && !p.includes('*')) paths.push(p.split('.'));
  return paths
    .filter((p) => !matchesAny(policy.unusedResources ?? [], p))
    .filter((p) => SIZED.some((sized) => typeof field(values, ...p, ...sized) !== 'string'))
    .map(formatValuesPath)
    .sort();
}
