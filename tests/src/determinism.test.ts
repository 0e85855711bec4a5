import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findRepoRoot, readTreeFiles } from '@ultron/platform';
import { describe, expect, it } from 'vitest';

const repo = findRepoRoot(import.meta.dirname);

/**
 * Every rendering workspace rendered and assembled in a fresh Node process, in memory (nothing staged,
 * nothing written): what `pnpm turbo build` would put in the tree. Two processes must agree byte for byte.
 */
const SCRIPT = `
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { assembleSlices, renderSlice, renderWorkspaces } from '@ultron/platform';
const slices = [];
for (const ws of renderWorkspaces(process.argv[1])) {
  const slice = (await import(pathToFileURL(join(ws.dir, ws.entry)).href)).default;
  slices.push(renderSlice(slice, ws.source));
}
const result = assembleSlices(slices);
process.stdout.write(JSON.stringify({ problems: result.problems, files: Object.fromEntries(result.files) }));
`;

function renderAll(): { problems: unknown[]; files: Record<string, string> } {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, repo], {
    cwd: import.meta.dirname,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8'));
}

describe('the whole tree', { timeout: 120_000 }, () => {
  const first = renderAll();

  it('assembles without a problem', () => {
    expect(first.problems).toEqual([]);
  });

  it('renders byte-identically twice in a row, in separate processes', () => {
    expect(renderAll()).toEqual(first);
  });

  it('is exactly what is in gitops/ (the committed render is current)', () => {
    expect(Object.keys(first.files).length).toBeGreaterThan(20);
    expect(first.files).toEqual(Object.fromEntries(readTreeFiles(join(repo, 'gitops'))));
  });
});
