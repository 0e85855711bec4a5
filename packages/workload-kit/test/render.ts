import { checkTree, type TreeEntry } from '@ultron/platform';
import { parseAllDocuments } from 'yaml';
import type { WorkloadInput } from '../src/definition/schema.js';
import { renderWorkload } from '../src/testing/index.js';

export { problemsOf } from '../src/testing/index.js';

/** Renders a definition fully in memory, as the build would, into path → file text. */
export function render(input: WorkloadInput): Map<string, string> {
  return renderWorkload(input).files;
}

/** The objects of rendered files, as the tree-level checks see them. */
export function entriesOf(files: Map<string, string>): TreeEntry[] {
  return [...files]
    .filter(([file]) => file.endsWith('.yaml'))
    .flatMap(([file, text]) =>
      parseAllDocuments(text).map((d) => ({ file, manifest: d.toJS() as TreeEntry['manifest'] })),
    );
}

export { checkTree };
