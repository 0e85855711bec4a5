import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportGraph } from '../../src/batch/import-graph.js';
import { tempDir } from '../helpers.js';

const url = (path: string) => pathToFileURL(path).href;

describe('ImportGraph', () => {
  const graph = new ImportGraph();
  // The renderer imports two definitions; each imports the shared cluster module, which imports a helper.
  graph.add(url('/r/bin.js'), url('/r/run.js'));
  graph.add(url('/r/run.js'), url('/w/a/slice.ts'));
  graph.add(url('/r/run.js'), url('/w/b/slice.ts'));
  graph.add(url('/w/a/slice.ts'), url('/c/cluster.ts'));
  graph.add(url('/w/b/slice.ts'), url('/c/cluster.ts'));
  graph.add(url('/c/cluster.ts'), url('/c/helper.ts'));

  it('finds every file reachable from the roots, once, sorted', () => {
    expect(graph.files([url('/w/b/slice.ts')])).toEqual(['/c/cluster.ts', '/c/helper.ts', '/w/b/slice.ts']);
  });

  it('does not go through excluded modules (other definitions the renderer imported), unless a root', () => {
    const excluded = new Set([url('/w/a/slice.ts'), url('/w/b/slice.ts')]);
    expect(graph.files([url('/w/a/slice.ts'), url('/r/bin.js')], excluded)).toEqual([
      '/c/cluster.ts',
      '/c/helper.ts',
      '/r/bin.js',
      '/r/run.js',
      '/w/a/slice.ts',
    ]);
    // Without the exclusion, b's definition would count as one of a's inputs.
    expect(graph.files([url('/w/a/slice.ts'), url('/r/bin.js')])).toContain('/w/b/slice.ts');
  });

  it('ignores non-file roots (node: built-ins)', () => {
    expect(graph.files(['node:fs'])).toEqual([]);
  });

  it('keeps the hash of a source as it was when noted (loaded), whatever happens to it later', () => {
    const dir = tempDir('ultron-graph-');
    const file = join(dir, 'cluster.ts');
    writeFileSync(file, 'export default 1;\n');
    const g = new ImportGraph();
    g.noteSource(file);
    writeFileSync(file, 'export default 2;\n');
    g.noteSource(file);
    expect(g.sourceHashes().get(file)).toBe(createHash('sha256').update('export default 1;\n').digest('hex'));
  });
});
