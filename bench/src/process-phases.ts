/**
 * Where one workspace's render process spends its time, run by bench.ts as its own process:
 * `node src/process-phases.ts <workspace dir> <stage dir>` does what `ultron-render workload.ts` does, one
 * step at a time (Node's compile cache on, as the renderer turns it on), and prints one JSON line of
 * milliseconds per step.
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

enableCompileCache();
const [workspace, tree] = process.argv.slice(2);
if (!workspace || !tree) throw new Error('usage: process-phases.ts <workspace dir> <tree dir>');
const t0 = performance.now();
const { renderSlice, stageSlice } = await import('@ultron/platform');
const t1 = performance.now();
await import('@ultron/workload-kit');
const t2 = performance.now();
const entry = await import(pathToFileURL(join(workspace, 'workload.ts')).href);
const t3 = performance.now();
const rendered = renderSlice(entry.default, 'workloads/bench-phases');
const t4 = performance.now();
stageSlice(tree, rendered);
const t5 = performance.now();
process.stdout.write(
  `${JSON.stringify({
    platform: t1 - t0,
    kit: t2 - t1,
    definition: t3 - t2,
    render: t4 - t3,
    write: t5 - t4,
  })}\n`,
);
