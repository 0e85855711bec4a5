import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type * as Yaml from 'yaml';
import type { TreeEntry } from '../inspect/objects.js';
import type { PlainManifest } from '../render/manifest.js';

/**
 * Every Kubernetes object in a rendered tree on disk. Non-manifest YAML (Helm values, k3s config) is
 * recognised by lacking `apiVersion` + `kind` and skipped.
 */
export function loadTree(root: string): TreeEntry[] {
  // Loaded here: the build's CRD check imports this entry for CrdRegistry alone and never parses a tree.
  const { parseAllDocuments } = createRequire(import.meta.url)('yaml') as typeof Yaml;
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
  const out: TreeEntry[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(join(root, file), 'utf8'))) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      const value = doc.toJS() as Partial<PlainManifest> | null;
      if (value && typeof value.apiVersion === 'string' && typeof value.kind === 'string') {
        out.push({ file, manifest: value as PlainManifest });
      }
    }
  }
  return out;
}
