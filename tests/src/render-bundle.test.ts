import { findRenderBundle } from '@ultron/platform/startup';
import { describe, expect, it } from 'vitest';
import { renderAll, renderingWorkspaces } from './render-tree.js';

// `ultron-render` loads workload workspaces from the kit's pre-built bundle, and strips workspace
// TypeScript through a cache (packages/platform/src/startup): neither may change a byte of the tree.
describe('the render bundle and the strip cache', { timeout: 180_000 }, () => {
  it('serve every workload workspace (the comparison below is not vacuous)', () => {
    const workloads = renderingWorkspaces().filter((ws) => ws.dir.includes('/workloads/'));
    expect(workloads.length).toBeGreaterThan(0);
    for (const ws of workloads)
      expect([ws.dir, findRenderBundle(ws.dir)?.urls.has('#run')]).toEqual([ws.dir, true]);
  });

  it('render the same tree as the packages loaded one module at a time, stripped by Node', () => {
    const plain = renderAll({ ULTRON_RENDER_BUNDLE: '0', ULTRON_STRIP_CACHE: '0' });
    expect(Object.keys(plain).length).toBeGreaterThan(20);
    expect(renderAll()).toEqual(plain);
  });
});
