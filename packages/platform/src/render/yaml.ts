import { dump } from 'js-yaml';
import { type PlainManifest, toPlain } from './manifest.js';
import { sortedPlain, sortStringMaps } from './plain.js';
import { emitYaml } from './yaml-emit.js';

/** Keys Kubernetes users expect first, in this order; every other key keeps the builder's order. */
const TOP_LEVEL_ORDER = ['apiVersion', 'kind', 'metadata', 'spec', 'data', 'stringData', 'type'];
const METADATA_ORDER = ['name', 'namespace', 'labels', 'annotations', 'finalizers'];

function ordered(object: Record<string, unknown>, first: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of first) if (key in object) out[key] = object[key];
  for (const key of Object.keys(object)) if (!(key in out)) out[key] = object[key];
  return out;
}

/**
 * Canonical key order: well-known keys first, every other key in the builder's (deterministic) order,
 * and label/annotation maps sorted, so the order a builder happened to add them in never shows up as a diff.
 */
export function canonical(manifest: PlainManifest): Record<string, unknown> {
  return orderedKeys(sortStringMaps(manifest) as PlainManifest);
}

function orderedKeys(sorted: PlainManifest): Record<string, unknown> {
  return ordered({ ...sorted, metadata: ordered({ ...sorted.metadata }, METADATA_ORDER) }, TOP_LEVEL_ORDER);
}

/** `canonical(toPlain(object))`, in one pass over the object when its data allows (see plain.ts). */
export function canonicalOf(object: unknown): Record<string, unknown> {
  const sorted = sortedPlain(object);
  return sorted ? orderedKeys(sorted as PlainManifest) : canonical(toPlain(object));
}

/** What every YAML document is written with; emitYaml writes the same bytes faster. */
export const JS_YAML_OPTIONS = { lineWidth: -1, noRefs: true, indent: 2 } as const;

/**
 * YAML for one document: no line folding (diffs stay line-stable), no anchors, LF, one trailing newline.
 * js-yaml quotes every string that YAML 1.1 would read as something else (`yes`, `on`, `012`, …), which
 * matters because Kubernetes and Argo CD parse manifests with a YAML 1.1 parser; it is also several times
 * faster than building a `yaml` document tree.
 */
export function toYaml(value: unknown): string {
  return emitYaml(value) ?? dump(value, JS_YAML_OPTIONS);
}

/** A multi-document YAML file with a generated-file header. */
export function renderYamlFile(header: string, manifests: readonly PlainManifest[]): string {
  const docs = manifests.map((m) => toYaml(canonical(m)));
  return `${header}${docs.join('---\n')}`;
}

/**
 * `renderYamlFile(header, objects.map(toPlain))` without the JSON round trip per object, and with the plain
 * data of each object (what parsing the text back gives), so the assemble step checks the very objects
 * written without parsing their YAML again.
 */
export function renderObjectsFileWithData(
  header: string,
  objects: readonly unknown[],
  /** The canonical data of an object, when the caller has it already. */
  dataOf: (object: unknown) => PlainManifest = (m) => canonicalOf(m) as PlainManifest,
): { text: string; data: PlainManifest[] } {
  const data = objects.map(dataOf);
  return { text: `${header}${data.map(toYaml).join('---\n')}`, data };
}
