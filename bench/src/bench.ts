/**
 * `pnpm bench`: how the build scales, measured against a peer. A benchmark script, not a test: it prints a
 * table (median of several runs per row, with the target beside it) and ends with one line:
 *
 *   bench: render_ms_per_workload=<x> workspace_process_ms=<y> cached_build_s=<z> cdk8s_ratio=<r>
 *
 * Sections, each in fresh processes so that one cannot warm or bloat another:
 *   1. in-process render + validate of N synthetic workloads (src/in-process.ts), ms/workload and peak RSS;
 *   2. the peer: one penvoice-like app through our kit vs cdk8s + cdk8s-plus (src/peer.ts);
 *   3. one workspace's render process on its own (`ultron-render workload.ts`), wall time, and where that
 *      time goes (src/process-phases.ts);
 *   4. whole `pnpm turbo build`s in a temporary copy of the repo with N generated workload workspaces:
 *      cold, fully cached, and after changing one workload's image.
 *
 * Options: --quick (fewer runs, whole builds only up to N=10), --skip-build, --keep (keep the temp copy),
 * --only=in-process,peer,workspace,build (a subset of the sections).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticName, syntheticWorkload, workloadSource } from './synthetic.ts';

const { values: args } = parseArgs({
  // `pnpm bench -- --quick` passes the `--` through.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const ONLY = new Set((args.only ?? 'in-process,peer,workspace,build').split(','));
const QUICK = args.quick ?? false;
const HERE = import.meta.dirname;
const BENCH_DIR = resolve(HERE, '..');
const REPO = resolve(BENCH_DIR, '..');
const NODE = process.execPath;

// ---------------------------------------------------------------------------------------------- helpers

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

interface Row {
  section: string;
  what: string;
  value: string;
  target: string;
  ok?: boolean;
}
const rows: Row[] = [];

function row(section: string, what: string, value: string, target = '', ok?: boolean): void {
  rows.push({ section, what, value, target, ...(ok === undefined ? {} : { ok }) });
  process.stderr.write(`  ${section} · ${what}: ${value}\n`);
}

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

interface Run {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Run {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mustRun(cmd: string, argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Run {
  const r = run(cmd, argv, options);
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${argv.join(' ')} (in ${options.cwd}) exited ${r.status}\n${(r.stdout + r.stderr).slice(-4000)}`,
    );
  }
  return r;
}

function child<T>(script: string, argv: string[]): T {
  const r = mustRun(NODE, [join(HERE, script), ...argv], { cwd: BENCH_DIR });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

// ------------------------------------------------------------------------------------- 1. in-process

interface InProcess {
  n: number;
  importMs: number;
  firstMs: number;
  msPerWorkload: number;
  steadyMsPerWorkload: number;
  cpuMsPerWorkload: number;
  peakMb: number;
  files: number;
  bytes: number;
}

function inProcess(): number {
  progress('in-process render + validate (a fresh process per run)');
  let headline = Number.NaN;
  for (const n of [1, 10, 100, 1000]) {
    const runs = n >= 1000 ? 3 : QUICK ? 3 : 5;
    const results = Array.from({ length: runs }, () => child<InProcess>('in-process.ts', [String(n)]));
    const m = (f: (r: InProcess) => number) => median(results.map(f));
    const ms = m((r) => r.msPerWorkload);
    const mb = m((r) => r.peakMb);
    const first = results[0]!;
    const detail =
      n === 1
        ? ' (cold: the first render JIT-compiles the kit, zod and the validators)'
        : ` (second half alone ${fmt(
            m((r) => r.steadyMsPerWorkload),
            2,
          )}; CPU ${fmt(
            m((r) => r.cpuMsPerWorkload),
            2,
          )})`;
    row(
      'in-process',
      `N=${n} render+validate`,
      `${fmt(ms, 2)} ms/workload${detail}`,
      n === 1000 ? '≤ 2 ms' : '',
      n === 1000 ? ms <= 2 : undefined,
    );
    row(
      'in-process',
      `N=${n} peak RSS, all files kept`,
      `${fmt(mb, 0)} MB (${first.files} files, ${fmt(first.bytes / 2 ** 20, 1)} MiB of YAML held at once; imports ${fmt(
        m((r) => r.importMs),
        0,
      )} ms)`,
    );
    headline = ms;
  }
  // A build writes each workload's files and lets them go. Holding all of them at once (the rows above)
  // mostly makes V8 grow its young generation (to 128 MB here) rather than adding the data's own size.
  const dropped = Array.from({ length: 3 }, () => child<InProcess>('in-process.ts', ['1000', '--drop']));
  const droppedMb = median(dropped.map((r) => r.peakMb));
  row(
    'in-process',
    "N=1000 peak RSS, each workload's files let go",
    `${fmt(droppedMb, 0)} MB (${fmt(median(dropped.map((r) => r.msPerWorkload)), 2)} ms/workload)`,
    '< 300 MB',
    droppedMb < 300,
  );
  const crd = child<{ skipped?: string; n: number; setupMs: number; msPerWorkload: number; invalid: number }>(
    'in-process.ts',
    ['crd', QUICK ? '30' : '100'],
  );
  if (crd.skipped) row('in-process', 'strict CRD check (extra)', `skipped: ${crd.skipped}`);
  else
    row(
      'in-process',
      `strict CRD check (extra), N=${crd.n}`,
      `${fmt(crd.msPerWorkload, 2)} ms/workload (+${fmt(crd.setupMs, 0)} ms once to load and compile the CRDs; ${crd.invalid} invalid)`,
    );
  return headline;
}

// -------------------------------------------------------------------------------------------- 2. peer

function peer(): number {
  progress('peer: our engine and kit vs cdk8s + cdk8s-plus, in one process');
  const runs = QUICK ? 1 : 3;
  const results = Array.from({ length: runs }, () =>
    child<{
      kitMs: number;
      sameMs: number;
      cdk8sMs: number;
      ratio: number;
      kitRatio: number;
      objects: Record<string, number>;
    }>('peer.ts', []),
  );
  const m = (f: (r: (typeof results)[number]) => number) => median(results.map(f));
  const ratio = m((r) => r.ratio);
  const kitRatio = m((r) => r.kitRatio);
  const { objects } = results[0]!;
  row(
    'peer',
    `cdk8s + cdk8s-plus, penvoice-like app (${objects.cdk8s} objects)`,
    `${fmt(
      m((r) => r.cdk8sMs),
      3,
    )} ms/workload`,
  );
  row(
    'peer',
    `ours, the same ${objects.same} objects (validate + YAML)`,
    `${fmt(
      m((r) => r.sameMs),
      3,
    )} ms/workload`,
  );
  row(
    'peer',
    'ratio ours / cdk8s, same objects',
    `${fmt(ratio, 2)} (${fmt(1 / ratio, 1)}× faster)`,
    '≤ 0.33',
    ratio <= 1 / 3,
  );
  row(
    'peer',
    `ours, the kit's whole recipe (${objects.kit} objects)`,
    `${fmt(
      m((r) => r.kitMs),
      3,
    )} ms/workload`,
  );
  row(
    'peer',
    `ratio kit (${objects.kit} objects) / cdk8s (${objects.cdk8s})`,
    `${fmt(kitRatio, 2)} (${fmt((1 / kitRatio) * (objects.kit! / objects.cdk8s!), 1)}× faster per object)`,
  );
  return ratio;
}

// --------------------------------------------------------------------------- 3. one workspace process

function renderBin(root: string): string {
  return join(root, 'packages/platform/bin/ultron-render.js');
}

function workspaceProcess(): number {
  const dir = join(REPO, 'workloads/penvoice');
  const ws = existsSync(join(dir, 'workload.ts'))
    ? dir
    : readdirSync(join(REPO, 'workloads'))
        .map((d) => join(REPO, 'workloads', d))
        .find((d) => existsSync(join(d, 'workload.ts')));
  if (!ws) {
    row('workspace', 'render process', 'skipped: no workloads/<app>/workload.ts');
    return Number.NaN;
  }
  progress(`one workspace render process (${basename(ws)})`);
  const tree = mkdtempSync(join(tmpdir(), 'ultron-bench-tree-'));
  const env = { ...process.env, ULTRON_TREE_DIR: tree };
  try {
    const runs = QUICK ? 5 : 11;
    const times: number[] = [];
    // The first run writes every file (and fills Node's compile cache); the rest find them unchanged.
    const first = mustRun(NODE, [renderBin(REPO), 'workload.ts'], { cwd: ws, env }).ms;
    for (let i = 0; i < runs; i++)
      times.push(mustRun(NODE, [renderBin(REPO), 'workload.ts'], { cwd: ws, env }).ms);
    const ms = median(times);
    row('workspace', `ultron-render workload.ts (${basename(ws)}), first run`, `${fmt(first, 0)} ms`);
    row(
      'workspace',
      `ultron-render workload.ts (${basename(ws)}), median of ${runs}`,
      `${fmt(ms, 0)} ms`,
      '≤ 400 ms',
      ms <= 400,
    );
    const bare = median(Array.from({ length: 5 }, () => mustRun(NODE, ['-e', '0'], { cwd: ws }).ms));
    row('workspace', 'of which: bare `node -e 0`', `${fmt(bare, 0)} ms`);
    const phases = Array.from({ length: QUICK ? 3 : 5 }, () =>
      child<Record<string, number>>('process-phases.ts', [ws, tree]),
    );
    const p = (k: string) => fmt(median(phases.map((r) => r[k]!)), 0);
    row(
      'workspace',
      'where that time goes (in-process timers)',
      `import @ultron/platform ${p('platform')} · + kit ${p('kit')} · workload.ts + cluster ${p('definition')} · render ${p('render')} · write ${p('write')} ms`,
    );
    return ms;
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------- 4. whole builds

const SKIP_IN_COPY = new Set(['node_modules', '.turbo', 'dist', '.git', 'coverage', '.ultron']);

function writeWorkspace(root: string, i: number, tag: string): void {
  const name = syntheticName(i);
  const dir = join(root, 'workloads', name);
  mkdirSync(dir, { recursive: true });
  const template = join(root, 'workloads/penvoice/package.json');
  const pkg = existsSync(template)
    ? { ...JSON.parse(readFileSync(template, 'utf8')), name: `@ultron-gitops/${name}` }
    : {
        name: `@ultron-gitops/${name}`,
        version: '0.0.0',
        private: true,
        type: 'module',
        scripts: { build: 'ultron-render workload.ts' },
        dependencies: {
          '@ultron-gitops/cluster': 'workspace:*',
          '@ultron/platform': 'workspace:^',
          '@ultron/workload-kit': 'workspace:^',
        },
      };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify({ extends: '@ultron/tsconfig/workspace.json', include: ['*.ts'] }, null, 2)}\n`,
  );
  // The assemble step runs after its dependencies' builds: every rendering workspace is one of them.
  const assembleFile = join(root, 'assemble/package.json');
  const assemble = JSON.parse(readFileSync(assembleFile, 'utf8'));
  assemble.dependencies[pkg.name] = 'workspace:*';
  writeFileSync(assembleFile, `${JSON.stringify(assemble, null, 2)}\n`);
  writeFileSync(join(dir, 'workload.ts'), workloadSource(syntheticWorkload(i, tag)));
}

function setImage(root: string, i: number, tag: string): void {
  const file = join(root, 'workloads', syntheticName(i), 'workload.ts');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/("image": "[^":]+:)[^"]+"/, `$1${tag}"`);
  if (next === text) throw new Error(`no image line in ${file}`);
  writeFileSync(file, next);
}

function turboSummary(r: Run): string {
  const out = r.stdout + r.stderr;
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(out);
  return cached ? `${cached[1]}/${cached[2]} cached` : '?';
}

function wholeBuilds(): number {
  const sizes = QUICK ? [1, 10] : [1, 10, 50];
  const root = mkdtempSync(join(tmpdir(), 'ultron-bench-repo-'));
  progress(`whole builds in a copy of the repo at ${root}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
  };
  delete env.ULTRON_TREE_DIR;
  let headline = Number.NaN;
  try {
    cpSync(REPO, root, {
      recursive: true,
      filter: (src) => !SKIP_IN_COPY.has(basename(src)),
    });
    // The build refuses a tree whose requests exceed the node (the budget check): give the copy's cluster
    // room for 50 synthetic apps, since this measures build speed, not sizing.
    const clusterFile = join(root, 'cluster/cluster.ts');
    writeFileSync(
      clusterFile,
      readFileSync(clusterFile, 'utf8')
        .replace(/cpu: '\d+'/, "cpu: '64'")
        .replace(/memory: '\d+Gi'/, "memory: '512Gi'"),
    );
    // turbo hashes inputs through git when it can, as in a real checkout.
    const git = (argv: string[]) => run('git', argv, { cwd: root, env });
    if (git(['init', '-q']).status === 0) {
      git(['add', '-A']);
      git([
        '-c',
        'user.name=bench',
        '-c',
        'user.email=bench@example.invalid',
        'commit',
        '-qm',
        'bench',
        '--no-gpg-sign',
      ]);
    }
    let made = 0;
    let tagNo = 0;
    const tag = () => `sha-${String(++tagNo).padStart(7, '0')}`;
    for (const n of sizes) {
      for (; made < n; made++) writeWorkspace(root, made + 1, 'sha-0000000');
      // The generated workspaces change the lockfile's importers: never frozen, even under CI.
      const install = run('pnpm', ['install', '--offline', '--no-frozen-lockfile'], { cwd: root, env });
      if (install.status !== 0)
        mustRun('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile'], { cwd: root, env });
      // Cold: no turbo cache, no built packages.
      rmSync(join(root, '.turbo'), { recursive: true, force: true });
      rmSync(join(root, 'node_modules/.cache/turbo'), { recursive: true, force: true });
      for (const pkg of readdirSync(join(root, 'packages')))
        rmSync(join(root, 'packages', pkg, 'dist'), { recursive: true, force: true });
      const workspaces = readdirSync(join(root, 'workloads')).length;
      progress(`N=${n}: cold build (${workspaces} workload workspaces)`);
      const cold = mustRun('pnpm', ['turbo', 'build'], { cwd: root, env });
      const coldTarget = n === 50 ? '≤ 40 s' : '';
      row(
        'whole build',
        `N=${n} cold \`pnpm turbo build\``,
        `${fmt(cold.ms / 1000, 1)} s (${turboSummary(cold)})`,
        coldTarget,
        n === 50 ? cold.ms <= 40_000 : undefined,
      );
      const cachedRuns = QUICK ? 3 : 5;
      const cached = Array.from({ length: cachedRuns }, () =>
        mustRun('pnpm', ['turbo', 'build'], { cwd: root, env }),
      );
      const cachedMs = median(cached.map((r) => r.ms));
      row(
        'whole build',
        `N=${n} fully cached`,
        `${fmt(cachedMs / 1000, 2)} s (${turboSummary(cached.at(-1)!)})`,
        '≤ 1 s',
        cachedMs <= 1000,
      );
      const changed = Array.from({ length: QUICK ? 2 : 3 }, () => {
        setImage(root, 1, tag());
        return mustRun('pnpm', ['turbo', 'build'], { cwd: root, env });
      });
      const changedMs = median(changed.map((r) => r.ms));
      row(
        'whole build',
        `N=${n} one workload's image changed`,
        `${fmt(changedMs / 1000, 2)} s (${turboSummary(changed.at(-1)!)})`,
        '≤ 3 s',
        changedMs <= 3000,
      );
      headline = cachedMs / 1000;
    }
    return headline;
  } catch (error) {
    row('whole build', 'failed', (error as Error).message.split('\n')[0]!);
    process.stderr.write(`${(error as Error).message}\n`);
    return headline;
  } finally {
    if (args.keep) progress(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------ main

for (const pkg of ['platform', 'workload-kit']) {
  if (!existsSync(join(REPO, 'packages', pkg, 'dist/index.js'))) {
    process.stderr.write(`bench: packages/${pkg} is not built; run \`pnpm turbo build\` first\n`);
    process.exit(1);
  }
}

const started = performance.now();
const machine = `${cpus().length}× ${cpus()[0]?.model.trim() ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GB RAM (${fmt(freemem() / 2 ** 30, 0)} free), Node ${process.version}, ${process.platform}/${process.arch}`;
progress(machine);

const renderMs = ONLY.has('in-process') ? inProcess() : Number.NaN;
const ratio = ONLY.has('peer') ? peer() : Number.NaN;
const processMs = ONLY.has('workspace') ? workspaceProcess() : Number.NaN;
const cachedS = args['skip-build'] || !ONLY.has('build') ? Number.NaN : wholeBuilds();

const widths = {
  section: Math.max(...rows.map((r) => r.section.length), 'section'.length),
  what: Math.max(...rows.map((r) => r.what.length), 'measurement'.length),
  value: Math.max(...rows.map((r) => r.value.length), 'median'.length),
  target: Math.max(...rows.map((r) => r.target.length), 'target'.length),
};
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const out = [
  '',
  `Machine: ${machine}`,
  `Bench time: ${fmt((performance.now() - started) / 1000, 0)} s${QUICK ? ' (--quick)' : ''}`,
  '',
  line([
    'section'.padEnd(widths.section),
    'measurement'.padEnd(widths.what),
    'median'.padEnd(widths.value),
    'target'.padEnd(widths.target),
    'met',
  ]),
  line([
    '-'.repeat(widths.section),
    '-'.repeat(widths.what),
    '-'.repeat(widths.value),
    '-'.repeat(widths.target),
    '---',
  ]),
  ...rows.map((r) =>
    line([
      r.section.padEnd(widths.section),
      r.what.padEnd(widths.what),
      r.value.padEnd(widths.value),
      r.target.padEnd(widths.target),
      r.ok === undefined ? '   ' : r.ok ? 'yes' : 'NO ',
    ]),
  ),
  '',
  `bench: render_ms_per_workload=${fmt(renderMs, 2)} workspace_process_ms=${fmt(processMs, 0)} cached_build_s=${fmt(cachedS, 2)} cdk8s_ratio=${fmt(ratio, 2)}`,
];
process.stdout.write(`${out.join('\n')}\n`);
