import { checkTree, isUserError, renderSlice, type TreeEntry } from '@ultron/platform';
import { parseAllDocuments } from 'yaml';
import type { WorkloadInput } from '../src/definition/schema.js';
import { defineWorkload } from '../src/workload.js';
import { cluster } from './cluster.js';

/** Renders a definition fully in memory, as the build would, into path → file text. */
export function render(input: WorkloadInput): Map<string, string> {
  return renderSlice(defineWorkload(cluster, input), `workloads/${String(input.name)}`).files;
}

/** The objects of rendered files, as the tree-level checks see them. */
export function entriesOf(files: Map<string, string>): TreeEntry[] {
  return [...files]
    .filter(([file]) => file.endsWith('.yaml'))
    .flatMap(([file, text]) =>
      parseAllDocuments(text).map((d) => ({ file, manifest: d.toJS() as TreeEntry['manifest'] })),
    );
}

/** `undefined` when the definition renders, else the UserError's problems. Anything else is a crash and throws. */
export function problemsOf(input: WorkloadInput): string[] | undefined {
  try {
    render(input);
    return undefined;
  } catch (error) {
    if (isUserError(error)) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
}

export { checkTree };
