import { realpathSync } from 'node:fs';
import { buildWorkspace, ImportGraph, type Renderer } from '../batch/index.js';
import type { runSlice as RunSlice } from '../render/run.js';
import { prepareRender } from '../startup/index.js';

// Start-up first (compile cache, cached type stripping, the kit's bundle), then the render itself. The
// import graph is recorded from here on: it is how each staged slice's inputs are known (batch/).
const cwd = process.cwd();
const bundled = prepareRender(cwd);
// A build's render records its inputs with the bytes it loaded (batch/); other renders record nothing.
const graph = ImportGraph.record({ hashSources: process.env.npm_lifecycle_event === 'build' });
let renderer: Promise<Renderer> | undefined;
const loadRenderer = () => {
  renderer ??= (async () => {
    const { runSlice } = (bundled ? await import(bundled) : await import('../render/run.js')) as {
      runSlice: typeof RunSlice;
    };
    // The graph recorded this module importing the renderer: the renderer's files are its closure.
    return { url: import.meta.url, runSlice };
  })();
  return renderer;
};
process.exitCode = await buildWorkspace({
  cwd,
  entry: process.argv[2] ?? 'slice.ts',
  graph,
  loadRenderer,
  // The committed shim that started this process (this module is in the graph as the renderer's root).
  extraInputs: [realpathSync(process.argv[1]!)],
});
