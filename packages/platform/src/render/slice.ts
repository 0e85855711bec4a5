import type { Problem } from '../errors/problem.js';
import { UserError } from '../errors/problem.js';
import type { TreeEntry } from '../inspect/objects.js';
import { headerFor } from './header.js';
import { hasValidate, type Manifest, type PlainManifest } from './manifest.js';
import type { Tree } from './tree.js';
import { validateObjects } from './validate-objects.js';
import { canonicalOf, renderObjectsFileWithData } from './yaml.js';

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
  /**
   * With `RenderSliceOptions.validated`: every object with a schema check that passed it (now or in the
   * memo), as its canonical JSON, for the next render's memo.
   */
  validated?: string[];
}

export interface RenderSliceOptions {
  /**
   * Canonical JSON of objects this same engine already found valid (the workspace's last render): their
   * schema check (kubernetes-models `validate()`) is not run again. A check is a function of the object's
   * data and the validator's code, and the caller keys the memo by the engine (see validated-memo.ts).
   */
  validated?: ReadonlySet<string>;
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
export function renderSlice(slice: Slice, source: string, options: RenderSliceOptions = {}): RenderedSlice {
  const tree = slice.build();
  const entries = tree.entries();
  // Each object's canonical data, computed once: the memo's key (as JSON), the YAML and the staged data.
  const data = new Map<Manifest, PlainManifest>();
  const dataOf = (object: unknown) => {
    let known = data.get(object as Manifest);
    if (known === undefined) {
      known = canonicalOf(object) as PlainManifest;
      data.set(object as Manifest, known);
    }
    return known;
  };
  const memo = options.validated;
  const keys = memo
    ? new Map(tree.manifests.filter(hasValidate).map((m) => [m, JSON.stringify(dataOf(m))]))
    : undefined;
  const toCheck = keys ? tree.manifests.filter((m) => !memo?.has(keys.get(m) ?? '')) : tree.manifests;
  const problems = [
    ...validateObjects(toCheck),
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
      const rendered = renderObjectsFileWithData(header, content.manifests, dataOf);
      files.set(path, rendered.text);
      for (const manifest of rendered.data) objects.push({ file: path, manifest });
    } else files.set(path, `${header}${content.text}`);
  }
  return {
    source,
    owns: slice.owns,
    files,
    objects,
    ...(keys ? { validated: [...new Set(keys.values())] } : {}),
  };
}
