/**
 * One in-process measurement, run by bench.ts in a fresh child process so that its peak memory is its
 * own: `node src/in-process.ts <n>` renders n synthetic workloads through the kit (zod parse → build →
 * kubernetes-models validate() → deterministic YAML, all in memory, every result kept; `--drop` lets each
 * workload's files go once counted) and prints one JSON line. `node src/in-process.ts crd <n>` times the
 * strict CRD check of n workloads instead.
 */
const started = performance.now();
const cluster = (await import('@ultron-gitops/cluster')).default;
const { renderSlice } = await import('@ultron/platform');
const { defineWorkload } = await import('@ultron/workload-kit');
const { syntheticName, syntheticWorkload } = await import('./synthetic.ts');
const importMs = performance.now() - started;

const drop = process.argv.includes('--drop');
const argv = process.argv.slice(2).filter((a) => a !== '--drop');
const [mode, count] = argv[0] === 'crd' ? ['crd', argv[1]] : ['render', argv[0]];
const n = Number(count ?? '1');
if (!Number.isInteger(n) || n < 1) throw new Error(`usage: in-process.ts [crd] <n ≥ 1>, got ${count}`);

function slice(i: number) {
  return defineWorkload(cluster, syntheticWorkload(i));
}

if (mode === 'render') {
  // Every workload's files stay in memory (the worst case: a whole tree held at once), unless --drop,
  // where each workload's files are counted and let go, as a build that writes as it goes would.
  const kept: Map<string, string>[] = [];
  let bytes = 0;
  let files = 0;
  const half = Math.ceil(n / 2);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let firstMs = 0;
  let halfAt = t0;
  for (let i = 1; i <= n; i++) {
    const rendered = renderSlice(slice(i), `workloads/${syntheticName(i)}`);
    if (drop) {
      files += rendered.files.size;
      for (const text of rendered.files.values()) bytes += text.length;
    } else kept.push(rendered.files);
    if (i === 1) firstMs = performance.now() - t0;
    if (i === half) halfAt = performance.now();
  }
  const end = performance.now();
  const totalMs = end - t0;
  const cpu = process.cpuUsage(cpu0);
  for (const f of kept) {
    files += f.size;
    for (const text of f.values()) bytes += text.length;
  }
  process.stdout.write(
    `${JSON.stringify({
      n,
      importMs,
      firstMs,
      totalMs,
      msPerWorkload: totalMs / n,
      // The second half alone: the per-workload cost once the first renders have warmed the JIT up.
      steadyMsPerWorkload: n > 1 ? (end - halfAt) / (n - half) : Number.NaN,
      drop,
      // CPU time of the whole process (every thread, GC helpers included): steadier than wall time on a
      // busy machine.
      cpuMsPerWorkload: (cpu.user + cpu.system) / 1000 / n,
      // The kernel's high-water mark of this process (KiB): imports, render and every kept result.
      peakMb: process.resourceUsage().maxRSS / 1024,
      files,
      bytes,
    })}\n`,
  );
} else {
  const { toPlain } = await import('@ultron/platform');
  const { CrdRegistry, resolveCrds } = await import('@ultron/platform/conformance');
  const location = await resolveCrds();
  if (!('dir' in location)) {
    process.stdout.write(`${JSON.stringify({ skipped: location.skip })}\n`);
    process.exit(0);
  }
  const t0 = performance.now();
  const registry = CrdRegistry.fromDirectory(location.dir);
  const check = (i: number) => {
    let invalid = 0;
    for (const m of slice(i).build().manifests)
      if (registry.validate(toPlain(m)).status === 'invalid') invalid++;
    return invalid;
  };
  // The first workload of each shape compiles the schemas of its kinds (once per process).
  for (const i of [1, 2, 3]) check(i);
  const setupMs = performance.now() - t0;
  // Building the objects is part of render; time it separately so the check's own cost is what shows.
  const b0 = performance.now();
  const built = Array.from({ length: n }, (_, k) =>
    slice(k + 4)
      .build()
      .manifests.map(toPlain),
  );
  const buildMs = performance.now() - b0;
  const c0 = performance.now();
  let invalid = 0;
  for (const manifests of built)
    for (const m of manifests) if (registry.validate(m).status === 'invalid') invalid++;
  const checkMs = performance.now() - c0;
  process.stdout.write(
    `${JSON.stringify({ n, setupMs, buildMsPerWorkload: buildMs / n, msPerWorkload: checkMs / n, invalid })}\n`,
  );
}
