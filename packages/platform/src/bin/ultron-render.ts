import type { runSlice as RunSlice } from '../render/run.js';
import { prepareRender } from '../startup/index.js';

// Start-up first (compile cache, cached type stripping, the kit's bundle), then the render itself.
const bundled = prepareRender(process.cwd());
const { runSlice } = (bundled ? await import(bundled) : await import('../render/run.js')) as {
  runSlice: typeof RunSlice;
};
const entry = process.argv[2] ?? 'slice.ts';
process.exitCode = await runSlice({ entry });
