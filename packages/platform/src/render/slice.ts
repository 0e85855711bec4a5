import { isSharedAppFile } from '../conventions/layout.js';
import { type Problem, UserError } from '../errors/problem.js';
import { headerFor } from './header.js';
import type { Tree } from './tree.js';
import { validateObjects } from './validate-objects.js';
import { renderObjectsFile } from './yaml.js';

/** A rule that looks at the whole rendered slice (services select pods, ports match…). */
export type TreeRule = (tree: Tree) => Problem[];

/**
 * What one workspace contributes to the GitOps tree. `owns` lists the folders (relative to the tree's
 * root) that belong to this slice alone: files in them that the slice no longer emits are pruned.
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
}

/**
 * Builds, checks and serializes a slice entirely in memory. Throws a UserError listing every problem
 * (definition, schema and cross-object) and nothing else; nothing here touches disk.
 */
export function renderSlice(slice: Slice, source: string): RenderedSlice {
  const tree = slice.build();
  const problems = [...validateObjects(tree.manifests), ...(slice.rules ?? []).flatMap((rule) => rule(tree))];
  if (problems.length > 0) throw new UserError(problems, 'the rendered objects have problems');

  const files = new Map<string, string>();
  for (const [path, content] of tree.entries()) {
    if (!slice.owns.some((dir) => path.startsWith(`${dir}/`)) && !isSharedAppFile(path)) {
      throw new Error(
        `${source} emits ${path}, which is outside the folders it owns (${slice.owns.join(', ')})`,
      );
    }
    const header = headerFor(path, source) ?? '';
    files.set(
      path,
      content.type === 'manifests'
        ? renderObjectsFile(header, content.manifests)
        : `${header}${content.text}`,
    );
  }
  return { source, owns: slice.owns, files };
}
