import type { PlainManifest } from '../render/manifest.js';

/** One object of a rendered tree with the file it lives in (relative to the tree's root). */
export interface TreeEntry {
  file: string;
  manifest: PlainManifest;
}

export function namespaceOf(m: PlainManifest): string {
  return m.metadata.namespace ?? '';
}

/** The API group of an `apiVersion`: `apps/v1` → `apps`, `v1` → `` (the core group). */
export const groupOf = (apiVersion: string): string =>
  apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';

/** `group/Kind`, e.g. `postgresql.cnpg.io/Cluster`: a kind name alone is ambiguous (CNPG's Cluster). */
export const groupKind = (m: PlainManifest): string => `${m.apiVersion.split('/')[0]}/${m.kind}`;

export function ofKind<T extends { manifest: PlainManifest }>(
  entries: readonly T[],
  ...kinds: string[]
): T[] {
  return entries.filter((e) => kinds.includes(e.manifest.kind));
}

/** Equality-based label selection, as Services and `matchLabels` use it; an empty selector selects nothing here. */
export function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
