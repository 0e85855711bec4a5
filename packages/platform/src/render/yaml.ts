import { stringify } from 'yaml';
import type { PlainManifest } from './manifest.js';

/** Keys Kubernetes users expect first, in this order; every other key keeps the builder's order. */
const TOP_LEVEL_ORDER = ['apiVersion', 'kind', 'metadata', 'spec', 'data', 'stringData', 'type'];
const METADATA_ORDER = ['name', 'namespace', 'labels', 'annotations', 'finalizers'];

function ordered(object: Record<string, unknown>, first: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of first) if (key in object) out[key] = object[key];
  for (const key of Object.keys(object)) if (!(key in out)) out[key] = object[key];
  return out;
}

function sortedKeys(record: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!record) return record;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

/** String maps anywhere in an object: their order carries no meaning, so it is sorted. */
const STRING_MAPS = new Set(['labels', 'annotations', 'matchLabels']);

function sortStringMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortStringMaps);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      STRING_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)
        ? sortedKeys(v as Record<string, unknown>)
        : sortStringMaps(v),
    ]),
  );
}

/**
 * Canonical key order: well-known keys first, every other key in the builder's (deterministic) order,
 * and label/annotation maps sorted, so the order a builder happened to add them in never shows up as a diff.
 */
export function canonical(manifest: PlainManifest): Record<string, unknown> {
  const sorted = sortStringMaps(manifest) as PlainManifest;
  return ordered({ ...sorted, metadata: ordered({ ...sorted.metadata }, METADATA_ORDER) }, TOP_LEVEL_ORDER);
}

/** YAML for one document: no line folding (diffs stay line-stable), LF, one trailing newline. */
export function toYaml(value: unknown): string {
  return stringify(value, {
    lineWidth: 0,
    minContentWidth: 0,
    indentSeq: true,
    aliasDuplicateObjects: false,
  });
}

/** A multi-document YAML file with a generated-file header. */
export function renderYamlFile(header: string, manifests: readonly PlainManifest[]): string {
  const docs = manifests.map((m) => toYaml(canonical(m)));
  return `${header}${docs.join('---\n')}`;
}
