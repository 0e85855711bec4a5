import type { Problem } from '../errors/problem.js';
import { UserError } from '../errors/problem.js';
import type { TreeEntry } from '../inspect/objects.js';
import { headerFor } from './header.js';
import type { Tree } from './tree.js';
import { validateObjects } from './validate-objects.js';
import { renderObjectsFileWithData } from './yaml.js';

/** A rule that looks at the whole rendered slice (services select pods, ports match…). */
export type TreeRule = (tree: Tree) => Problem[];

/**
 * What one workspace contributes to the GitOps tree. `owns` is the slice's one ownership declaration,
 * derived from its definition's name: tree paths (relative to the tree's root) that belong to this slice
 * alone — a folder (everything under it) or a single file such as `apps/<name>.yaml`. The first entry is
 * the slice's own folder, whose last segment is the slice's name. Nothing else spells ownership: the
 * assemble step checks that no two slices claim the same path and that each emits only what it owns.
 */
export interface Slice {
  owns: readonly string[];
  build(): Tree;
  rules?: readonly TreeRule[];
}

export interface RenderedSlice {
  source: string;
  owns: readonly string[];
  /** Path (relative to the tree's root) → exact file bytes. */
  files: Map<string, string>;
  /** The objects of the slice's manifest files, as plain data, with their file. */
  objects?: TreeEntry[];
}

/** Whether `claim` (a folder or a file) covers the tree path `path`. */
export function claimCovers(claim: string, path: string): boolean {
  return path === claim || path.startsWith(`${claim}/`);
}

/** The slice's name: the last segment of its own folder (`workloads/penvoice` → `penvoice`). */
export function sliceName(owns: readonly string[]): string {
  return (owns[0] ?? '').split('/').pop() ?? '';
}

/** Files a slice emits outside what it declares it owns. */
export function ownershipProblems(
  source: string,
  owns: readonly string[],
  paths: Iterable<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const path of paths) {
    if (owns.some((claim) => claimCovers(claim, path))) continue;
    problems.push({
      path: `${source}: ${path}`,
      message: `is outside what ${source} owns (${owns.join(', ')})`,
      hint: 'a slice writes only its own folder and apps/<its name>.yaml; another workspace owns this path',
    });
  }
  return problems;
}

/**
 * Builds, checks and serializes a slice entirely in memory. Throws a UserError listing every problem
 * (definition, schema, slice rules, ownership) and nothing else; nothing here touches disk.
 */
export function renderSlice(slice: Slice, source: string): RenderedSlice {
  const tree = slice.build();
  const entries = tree.entries();
  const problems = [
    ...validateObjects(tree.manifests),
    ...(slice.rules ?? []).flatMap((rule) => rule(tree)),
    ...ownershipProblems(
      source,
      slice.owns,
      entries.map(([path]) => path),
    ),
  ];
  if (problems.length > 0) throw new UserError(problems, 'the rendered objects have problems');

  const files = new Map<string, string>();
  const objects: TreeEntry[] = [];
  for (const [path, content] of entries) {
    const header = headerFor(path, source) ?? '';
    if (content.type === 'manifests') {
      const { text, data } = renderObjectsFileWithData(header, content.manifests);
      files.set(path, text);
      for (const manifest of data) objects.push({ file: path, manifest });
    } else files.set(path, `${header}${content.text}`);
  }
  return { source, owns: slice.owns, files, objects };
}
