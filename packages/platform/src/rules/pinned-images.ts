import type { Problem } from '../errors/problem.js';
import { parseImageRef } from '../inspect/images.js';
import { containersOf, podTemplates } from '../inspect/pods.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/** Fields that hold a full image reference in the kinds the tree uses (pods, CNPG `imageName`, Keycloak). */
const IMAGE_FIELDS = new Set(['image', 'imageName']);

function unpinned(reference: string): string | null {
  const ref = parseImageRef(reference);
  if (ref.digest) return null;
  if (!ref.tag) return 'has no tag, so it runs "latest"';
  if (ref.tag === 'latest') return 'uses the moving "latest" tag';
  return null;
}

/** `spec.template[0].image` from its segments (keys and array indexes), built only for a finding. */
function pathOf(segments: readonly (string | number)[]): string {
  let path = '';
  for (const s of segments) path = typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${s}` : s;
  return path;
}

/**
 * Every image field under `value`. The path is kept as a stack of segments and spelled out only for a
 * finding: building it for every field of every object was most of this rule's time on a large tree.
 */
function walk(value: unknown, at: (string | number)[], out: { path: string; problem: string }[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      walk(value[i], at, out);
      at.pop();
    }
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  // Helm values split images into repository + tag.
  if (typeof record.repository === 'string' && record.tag === 'latest') {
    out.push({ path: pathOf([...at, 'tag']), problem: 'uses the moving "latest" tag' });
  }
  for (const key of Object.keys(record)) {
    const v = record[key];
    at.push(key);
    if (IMAGE_FIELDS.has(key) && typeof v === 'string') {
      const problem = unpinned(v);
      if (problem) out.push({ path: pathOf(at), problem: `"${v}" ${problem}` });
    } else walk(v, at, out);
    at.pop();
  }
}

/** What runs must be what Git says: every image is pinned to a tag other than latest, or a digest. */
export default defineRule({
  id: 'pinned-images',
  doc: 'Every image reference in the tree has a tag other than "latest", or a digest.',
  scope: 'object',
  checkObject: ({ manifest: m }) => {
    const found: { path: string; problem: string }[] = [];
    walk(m, [], found);
    // A container without an image cannot run what Git says either.
    for (const t of podTemplates(m)) {
      for (const { path, container } of containersOf(t.spec)) {
        if (typeof container.image !== 'string')
          found.push({ path: `${t.path}.${path}.image`, problem: 'is missing' });
      }
    }
    return found.map(
      (f): Problem => ({
        path: `${describe(m)}: ${f.path}`,
        message: f.problem,
        hint: 'pin the build: a sha-<git sha> tag or an @sha256 digest',
      }),
    );
  },
});
