/**
 * `pnpm bench`: how the build scales, measured against a peer. A benchmark script, not a test: it prints a
 * table (median of several runs per row, with the issue's target beside it) and ends with one line:
 *
 *   bench: render_ms_per_workload=… workspace_process_ms=… process_floor_ratio=… kosko_ratio=…
 *          kosko_process_ratio=… cdk8s_ratio=… cdk8s_process_ratio=… cold50_s=… one_change_s=… cached_build_s=…
 *          mem1000_mb=…
 *
 * Sections, each in fresh processes so that one cannot warm or bloat another:
 *   1. in-process render + validate of N synthetic workloads (src/in-process.ts), ms/workload and peak RSS;
 *   2. the peers, in one process: one penvoice-like app through our kit vs cdk8s + cdk8s-plus (the same six
 *      objects) and vs Kosko (the same objects as workloads/penvoice) (src/peer.ts, src/peer-programs.ts);
 *   3. whole processes, node start → YAML written, in interleaved rounds: `node -e 0`, `ultron-render
 *      workload.ts` in workloads/penvoice, Kosko's generate + print and a cdk8s program of the same objects;
 *      and where our process's time goes, with and without the render bundle (src/process-phases.ts);
 *   4. whole `pnpm turbo build`s in a temporary copy of the repo with N generated workload workspaces
 *      (1, 10, 50, 200): cold, fully cached, and after changing one workload's image; how each grows.
 *
 * Options: --quick (fewer runs, whole builds only up to N=10), --skip-build, --keep (keep the temp copy),
 * --only=in-process,peer,workspace,build (a subset of the sections), --sizes=1,50 (the whole-build sizes).
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
    sizes: { type: 'string' },
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

/**
 * CPU time (user + system, all threads) of the children this process has waited for, in ms: Linux's
 * /proc/self/stat (cutime + cstime, in USER_HZ = 1/100 s ticks; averaged over rounds). NaN elsewhere.
 */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

function child<T>(script: string, argv: string[], env?: NodeJS.ProcessEnv): T {
  const r = mustRun(NODE, [join(HERE, script), ...argv], { cwd: BENCH_DIR, ...(env ? { env } : {}) });
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

function inProcess(): { renderMs: number; mem1000Mb: number } {
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
  return { renderMs: headline, mem1000Mb: droppedMb };
}

// -------------------------------------------------------------------------------------------- 2. peer

interface PeerPrograms {
  dir: string;
  app: string;
  objects: number;
  unmodelled: string[];
}

/** The workspace the process rows measure: workloads/penvoice, or the first workload workspace. */
function benchWorkspace(): string | undefined {
  const dir = join(REPO, 'workloads/penvoice');
  return existsSync(join(dir, 'workload.ts'))
    ? dir
    : readdirSync(join(REPO, 'workloads'))
        .map((d) => join(REPO, 'workloads', d))
        .find((d) => existsSync(join(d, 'workload.ts')));
}

/** Kosko's component and a cdk8s program declaring the same objects as the workspace (src/peer-programs.ts). */
function peerPrograms(ws: string, dir: string): PeerPrograms {
  const r = child<Omit<PeerPrograms, 'dir'>>('peer-programs.ts', [ws, dir]);
  return { dir, ...r };
}

interface PeerRatios {
  cdk8s: number;
  kosko: number;
}

function peer(programs: PeerPrograms | undefined): PeerRatios {
  progress('peer: our engine and kit vs cdk8s + cdk8s-plus and Kosko, in one process');
  const runs = QUICK ? 1 : 3;
  const results = Array.from({ length: runs }, () =>
    child<{
      kitMs: number;
      sameMs: number;
      cdk8sMs: number;
      koskoMs: number | null;
      ratio: number;
      kitRatio: number;
      koskoRatio: number | null;
      objects: Record<string, number>;
    }>('peer.ts', programs ? ['--kosko', programs.dir] : []),
  );
  const m = (f: (r: (typeof results)[number]) => number | null) =>
    median(results.map((r) => f(r) ?? Number.NaN));
  const ratio = m((r) => r.ratio);
  const kitRatio = m((r) => r.kitRatio);
  const koskoRatio = m((r) => r.koskoRatio);
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
  if (programs) {
    const unchecked = programs.unmodelled.length
      ? `; ${programs.unmodelled.length} without a kubernetes-models class, unchecked: ${programs.unmodelled.join(', ')}`
      : '';
    row(
      'peer',
      `Kosko generate + print, validate on (${objects.kosko} objects of ${programs.app})`,
      `${fmt(
        m((r) => r.koskoMs),
        3,
      )} ms/workload (same classes and schemas as ours${unchecked})`,
    );
    row(
      'peer',
      `ratio kit (${objects.kit} objects) / Kosko (${objects.kosko})`,
      `${fmt(koskoRatio, 2)}`,
      '≤ 0.5',
      koskoRatio <= 0.5,
    );
  }
  return { cdk8s: ratio, kosko: koskoRatio };
}

// --------------------------------------------------------------------------- 3. one workspace process

function renderBin(root: string): string {
  return join(root, 'packages/platform/bin/ultron-render.js');
}

interface ProcessRatios {
  ms: number;
  floor: number;
  kosko: number;
  cdk8s: number;
}

function workspaceProcess(ws: string | undefined, programs: PeerPrograms | undefined): ProcessRatios {
  const none = { ms: Number.NaN, floor: Number.NaN, kosko: Number.NaN, cdk8s: Number.NaN };
  if (!ws) {
    row('workspace', 'render process', 'skipped: no workloads/<app>/workload.ts');
    return none;
  }
  const app = basename(ws);
  progress(`whole processes, node start → YAML written (${app}; node -e 0, Kosko and cdk8s beside it)`);
  const tree = mkdtempSync(join(tmpdir(), 'ultron-bench-tree-'));
  const env = { ...process.env, ULTRON_TREE_DIR: tree };
  try {
    type Contender = { cmd: string[]; cwd: string; env?: NodeJS.ProcessEnv };
    const contenders: Record<string, Contender> = {
      floor: { cmd: ['-e', '0'], cwd: ws },
      ours: { cmd: [renderBin(REPO), 'workload.ts'], cwd: ws, env },
    };
    if (programs) {
      contenders.kosko = {
        cmd: [
          join(HERE, 'kosko-process.mjs'),
          join(programs.dir, 'kosko/components'),
          join(tree, 'kosko.yaml'),
        ],
        cwd: BENCH_DIR,
      };
      contenders.cdk8s = {
        cmd: [join(programs.dir, `cdk8s/${programs.app}.mjs`), join(tree, 'cdk8s')],
        cwd: BENCH_DIR,
      };
    }
    const once = (c: Contender) => mustRun(NODE, c.cmd, { cwd: c.cwd, ...(c.env ? { env: c.env } : {}) }).ms;
    const cpu: Record<string, number> = {};
    // The first run writes every file and fills Node's compile cache and our type-stripping cache; every
    // contender gets one such run before the timed rounds.
    const first = once(contenders.ours!);
    for (const [name, c] of Object.entries(contenders)) if (name !== 'ours') once(c);
    const names = Object.keys(contenders);
    const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const rounds = QUICK ? 5 : 11;
    // Interleaved rounds, rotating who goes first: every contender sees the same (busy) machine.
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length]!;
        const cpu0 = childrenCpuMs();
        times[name]!.push(once(contenders[name]!));
        cpu[name] = (cpu[name] ?? 0) + (childrenCpuMs() - cpu0) / rounds;
      }
    const med = (name: string) => median(times[name] ?? []);
    const ms = med('ours');
    const floor = med('floor');
    const out = { ms, floor: ms / floor, kosko: ms / med('kosko'), cdk8s: ms / med('cdk8s') };
    row('workspace', `ultron-render workload.ts (${app}), first run`, `${fmt(first, 0)} ms`);
    row('workspace', `ultron-render workload.ts (${app}), median of ${rounds}`, `${fmt(ms, 0)} ms`);
    row('workspace', 'bare `node -e 0`, same rounds', `${fmt(floor, 0)} ms`);
    row('workspace', 'ratio ours / `node -e 0`', fmt(out.floor, 2), '≤ 4', out.floor <= 4);
    if (programs) {
      row(
        'workspace',
        `Kosko generate + print, same ${programs.objects} objects, validate on`,
        `${fmt(med('kosko'), 0)} ms`,
      );
      row('workspace', 'ratio ours / Kosko, whole process', fmt(out.kosko, 2), '≤ 0.5', out.kosko <= 0.5);
      row(
        'workspace',
        `cdk8s synth of the same ${programs.objects} objects (ApiObject, no schema check)`,
        `${fmt(med('cdk8s'), 0)} ms`,
      );
      row('workspace', 'ratio ours / cdk8s, whole process', fmt(out.cdk8s, 2), '≤ 1.0', out.cdk8s <= 1);
    }
    if (Number.isFinite(cpu.ours)) {
      const per = (n: string) => `${n === 'floor' ? '`node -e 0`' : n} ${fmt(cpu[n]!, 0)}`;
      const ratios = names
        .filter((n) => n !== 'ours')
        .map((n) => `/ ${n === 'floor' ? 'floor' : n} ${fmt(cpu.ours! / cpu[n]!, 2)}`);
      row(
        'workspace',
        'CPU time per process (user + system, mean; steadier than wall time on a busy machine)',
        `ours ${fmt(cpu.ours!, 0)} · ${names
          .filter((n) => n !== 'ours')
          .map(per)
          .join(' · ')} ms; ours ${ratios.join(', ')}`,
      );
    }
    const phaseRuns = QUICK ? 3 : 5;
    for (const bundled of [true, false]) {
      const phaseEnv = bundled
        ? process.env
        : { ...process.env, ULTRON_RENDER_BUNDLE: '0', ULTRON_STRIP_CACHE: '0' };
      const phases = Array.from({ length: bundled ? phaseRuns : 3 }, () =>
        child<Record<string, number>>('process-phases.ts', [ws, tree], phaseEnv),
      );
      const p = (k: string) => fmt(median(phases.map((r) => r[k]!)), 0);
      row(
        'workspace',
        bundled
          ? 'where that time goes (in-process timers)'
          : 'the same without the bundle and strip cache (ULTRON_RENDER_BUNDLE=0 ULTRON_STRIP_CACHE=0)',
        `start-up hooks ${p('startup')} · import platform ${p('platform')} · + kit ${p('kit')} · workload.ts + cluster ${p('definition')} · render ${p('render')} · write ${p('write')} ms`,
      );
    }
    return out;
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

/** Every workspace's `.ultron/` staging folder (workspaces are `<folder>/<name>` or a top-level folder). */
function stagingDirs(root: string): string[] {
  const found: string[] = [];
  for (const top of readdirSync(root, { withFileTypes: true })) {
    if (!top.isDirectory() || SKIP_IN_COPY.has(top.name)) continue;
    const dir = join(root, top.name);
    found.push(join(dir, '.ultron'));
    for (const sub of readdirSync(dir, { withFileTypes: true }))
      if (sub.isDirectory() && !SKIP_IN_COPY.has(sub.name)) found.push(join(dir, sub.name, '.ultron'));
  }
  return found.filter((d) => existsSync(d));
}

function turboSummary(r: Run): string {
  const out = r.stdout + r.stderr;
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(out);
  return cached ? `${cached[1]}/${cached[2]} cached` : '?';
}

interface BuildTimes {
  cold: number;
  cached: number;
  changed: number;
}

/**
 * Seconds per size N. The targets and the summary read N=50 (N=10 with --quick); N=200 shows how each
 * grows.
 */
function wholeBuilds(): Map<number, BuildTimes> {
  const sizes = args.sizes ? args.sizes.split(',').map(Number) : QUICK ? [1, 10] : [1, 10, 50, 200];
  const results = new Map<number, BuildTimes>();
  const root = mkdtempSync(join(tmpdir(), 'ultron-bench-repo-'));
  progress(`whole builds in a copy of the repo at ${root}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
  };
  delete env.ULTRON_TREE_DIR;
  try {
    cpSync(REPO, root, {
      recursive: true,
      filter: (src) => !SKIP_IN_COPY.has(basename(src)),
    });
    // The build refuses a tree whose requests exceed the node (the budget check): give the copy's cluster
    // room for N=200 synthetic apps (they request ~83 CPUs), since this measures build speed, not sizing.
    const clusterFile = join(root, 'cluster/cluster.ts');
    writeFileSync(
      clusterFile,
      readFileSync(clusterFile, 'utf8')
        .replace(/cpu: '\d+'/, "cpu: '512'")
        .replace(/memory: '\d+Gi'/, "memory: '2048Gi'"),
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
      // Cold: no turbo cache, no built packages, no staged slices, nothing under node_modules/.cache; the
      // machine's caches (outside the repository) as a second build of any clone finds them.
      const coldState = () => {
        rmSync(join(root, '.turbo'), { recursive: true, force: true });
        rmSync(join(root, 'node_modules/.cache'), { recursive: true, force: true });
        for (const pkg of readdirSync(join(root, 'packages')))
          rmSync(join(root, 'packages', pkg, 'dist'), { recursive: true, force: true });
        // Nor staged slices: each workspace's staging (turbo's output) is rendered again, not found current.
        for (const dir of stagingDirs(root)) rmSync(dir, { recursive: true, force: true });
      };
      coldState();
      const workspaces = readdirSync(join(root, 'workloads')).length;
      if (n === 50 || (QUICK && n === sizes.at(-1))) {
        // The first build on a machine also fills the caches that outlive a clone: Node's compile cache
        // and the strip cache (OS temp folder), the parsed CRDs and compiled validators (~/.cache/ultron).
        // Measured once, with all three empty; the cold rows below start with them filled.
        progress(`N=${n}: cold build with empty machine caches`);
        const fresh = mkdtempSync(join(tmpdir(), 'ultron-bench-machine-'));
        const first = mustRun('pnpm', ['turbo', 'build'], {
          cwd: root,
          env: { ...env, TMPDIR: fresh, XDG_CACHE_HOME: join(fresh, 'cache') },
        });
        rmSync(fresh, { recursive: true, force: true });
        row(
          'whole build',
          `N=${n} cold, first build on the machine (compile, strip and CRD caches empty too)`,
          `${fmt(first.ms / 1000, 1)} s (${turboSummary(first)})`,
        );
        coldState();
      }
      progress(`N=${n}: cold build (${workspaces} workload workspaces)`);
      const cold = mustRun('pnpm', ['turbo', 'build'], { cwd: root, env });
      row(
        'whole build',
        `N=${n} cold \`pnpm turbo build\``,
        `${fmt(cold.ms / 1000, 1)} s (${turboSummary(cold)})`,
        n === 50 ? '≤ 15 s' : '',
        n === 50 ? cold.ms <= 15_000 : undefined,
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
        n <= 50 ? '≤ 1 s' : '',
        n <= 50 ? cachedMs <= 1000 : undefined,
      );
      const changed = Array.from({ length: QUICK ? 2 : 5 }, () => {
        setImage(root, 1, tag());
        return mustRun('pnpm', ['turbo', 'build'], { cwd: root, env });
      });
      const changedMs = median(changed.map((r) => r.ms));
      row(
        'whole build',
        `N=${n} one workload's image changed`,
        `${fmt(changedMs / 1000, 2)} s (${turboSummary(changed.at(-1)!)}; runs ${changed.map((r) => fmt(r.ms / 1000, 2)).join(', ')})`,
        n <= 50 ? '≤ 2 s' : '',
        n <= 50 ? changedMs <= 2000 : undefined,
      );
      results.set(n, { cold: cold.ms / 1000, cached: cachedMs / 1000, changed: changedMs / 1000 });
    }
    // How each grows: seconds per added workload between the two largest sizes.
    const [a, b] = sizes.slice(-2) as [number, number];
    const small = results.get(a);
    const large = results.get(b);
    // From N=10 up: N=1's cold build is mostly the packages' own build, and noise.
    if (small && large && a >= 10) {
      const slope = (k: keyof BuildTimes) => fmt(((large[k] - small[k]) / (b - a)) * 1000, 0);
      row(
        'whole build',
        `growth per added workload, N=${a} → ${b}`,
        `cold ${slope('cold')} ms · fully cached ${slope('cached')} ms · one change ${slope('changed')} ms`,
      );
    }
    return results;
  } catch (error) {
    row('whole build', 'failed', (error as Error).message.split('\n')[0]!);
    process.stderr.write(`${(error as Error).message}\n`);
    return results;
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

const inProc = ONLY.has('in-process') ? inProcess() : { renderMs: Number.NaN, mem1000Mb: Number.NaN };
const ws = benchWorkspace();
const programsDir = mkdtempSync(join(tmpdir(), 'ultron-bench-peers-'));
let builds = new Map<number, BuildTimes>();
let peers: PeerRatios = { cdk8s: Number.NaN, kosko: Number.NaN };
let proc: ProcessRatios = { ms: Number.NaN, floor: Number.NaN, kosko: Number.NaN, cdk8s: Number.NaN };
try {
  const programs =
    ws && (ONLY.has('peer') || ONLY.has('workspace')) ? peerPrograms(ws, programsDir) : undefined;
  if (ONLY.has('peer')) peers = peer(programs);
  if (ONLY.has('workspace')) proc = workspaceProcess(ws, programs);
} finally {
  rmSync(programsDir, { recursive: true, force: true });
}
if (!args['skip-build'] && ONLY.has('build')) builds = wholeBuilds();
const largest = Math.max(...builds.keys());
const summary = {
  render_ms_per_workload: fmt(inProc.renderMs, 2),
  workspace_process_ms: fmt(proc.ms, 0),
  process_floor_ratio: fmt(proc.floor, 2),
  kosko_ratio: fmt(peers.kosko, 2),
  kosko_process_ratio: fmt(proc.kosko, 2),
  cdk8s_ratio: fmt(peers.cdk8s, 2),
  cdk8s_process_ratio: fmt(proc.cdk8s, 2),
  cold50_s: fmt(builds.get(50)?.cold ?? Number.NaN, 1),
  one_change_s: fmt(builds.get(50)?.changed ?? builds.get(largest)?.changed ?? Number.NaN, 2),
  cached_build_s: fmt(builds.get(50)?.cached ?? builds.get(largest)?.cached ?? Number.NaN, 2),
  mem1000_mb: fmt(inProc.mem1000Mb, 0),
};

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
  `bench: ${Object.entries(summary)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`,
];
process.stdout.write(`${out.join('\n')}\n`);
