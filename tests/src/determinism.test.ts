import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, renderAll, repo } from './render-tree.js';

describe('the whole tree', { timeout: 120_000 }, () => {
  const first = renderAll();

  it('renders byte-identically twice in a row', () => {
    expect(renderAll()).toEqual(first);
  });

  it('is exactly what is in gitops/ (the committed render is current)', () => {
    expect(Object.keys(first).length).toBeGreaterThan(20);
    expect(first).toEqual(read(join(repo, 'gitops')));
  });
});
