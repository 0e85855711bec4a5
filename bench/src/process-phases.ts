/**
 * Where one workspace's render process spends its time, run by bench.ts as its own process:
 * `node src/process-phases.ts <workspace dir> <tree dir>` does what `ultron-render workload.ts` does, one
 * step at a time (the same start-up: compile cache, cached type stripping, the kit's render bundle unless
 * ULTRON_RENDER_BUNDLE=0), and prints one JSON line of milliseconds per step.
 */
const t0 = performance.now();
const { prepareRender } = await import('@ultron/platform/startup');
const { join } = await import('node:path');
const { pathToFileURL } = await import('node:url');
const [workspace, tree] = process.argv.slice(2);
if (!workspace || !tree) throw new Error('usage: process-phases.ts <workspace dir> <tree dir>');
const bundled = prepareRender(workspace);
const t1 = performance.now();
const { renderSlice, stageSlice } = (
  bundled ? await import(bundled) : await import('@ultron/platform')
) as typeof import('@ultron/platform');
const t2 = performance.now();
await import('@ultron/workload-kit');
const t3 = performance.now();
const entry = await import(pathToFileURL(join(workspace, 'workload.ts')).href);
const t4 = performance.now();
const rendered = renderSlice(entry.default, 'workloads/bench-phases');
const t5 = performance.now();
stageSlice(tree, rendered);
const t6 = performance.now();
process.stdout.write(
  `${JSON.stringify({
    bundled: Boolean(bundled),
    startup: t1 - t0,
    platform: t2 - t1,
    kit: t3 - t2,
    definition: t4 - t3,
    render: t5 - t4,
    write: t6 - t5,
  })}\n`,
);
