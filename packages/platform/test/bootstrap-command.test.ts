import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBootstrap } from '../src/components/bootstrap/execute.js';
import { BOOTSTRAP_FILES } from '../src/components/bootstrap/files.js';
import { bootstrapPlan, formatStep } from '../src/components/bootstrap/plan.js';
import { bootstrap } from '../src/components/bootstrap/slice.js';
import { renderSlice } from '../src/render/slice.js';
import { writeTree } from '../src/render/writer.js';
import { tempDir } from './helpers.js';
import { cluster } from './platform-cluster.js';

interface Call {
  command: string;
  args: string[];
  stdin: string;
  cwd: string;
}

/**
 * Stand-ins for `helm` and `kubectl` (POSIX sh, so each call costs milliseconds): every call is recorded in
 * its own numbered folder under $STUB_CALLS (command, NUL-separated arguments, stdin, working directory).
 * They answer `kubectl config current-context` and exit 3 when an argument equals $STUB_FAIL.
 */
const STUB = `#!/bin/sh
call="$STUB_CALLS/$(printf '%03d' "$(ls "$STUB_CALLS" | wc -l)")"
mkdir -p "$call"
basename "$0" > "$call/command"
pwd > "$call/cwd"
for arg in "$@"; do printf '%s\\0' "$arg"; done > "$call/args"
cat > "$call/stdin"
if [ "$(basename "$0")" = kubectl ] && [ "$1" = config ]; then echo 'ultron-admin@ultron'; fi
for arg in "$@"; do
  if [ -n "$STUB_FAIL" ] && [ "$arg" = "$STUB_FAIL" ]; then exit 3; fi
done
exit 0
`;

const TOKEN = 'ghp_test-token-value';
let repo: string;
let stubs: string;

beforeAll(async () => {
  repo = tempDir('ultron-bootstrap-');
  writeFileSync(join(repo, 'pnpm-workspace.yaml'), 'packages: []\n');
  writeTree(join(repo, 'gitops'), renderSlice(bootstrap(cluster), 'bootstrap').files);
  stubs = join(repo, 'stubs');
  mkdirSync(stubs);
  for (const name of ['helm', 'kubectl']) {
    writeFileSync(join(stubs, name), STUB);
    chmodSync(join(stubs, name), 0o755);
  }
});

let runs = 0;

function harness(extraEnv: Record<string, string> = {}, path = `${stubs}${delimiter}${process.env.PATH}`) {
  const callsDir = join(repo, `calls-${++runs}`);
  mkdirSync(callsDir);
  const out: string[] = [];
  const err: string[] = [];
  return {
    options: {
      cwd: join(repo, 'gitops'),
      env: { PATH: path, STUB_CALLS: callsDir, ...extraEnv },
      log: (l: string) => out.push(l),
      error: (l: string) => err.push(l),
    },
    calls: (): Call[] =>
      readdirSync(callsDir)
        .sort()
        .map((call) => {
          const read = (file: string) => readFileSync(join(callsDir, call, file), 'utf8');
          return {
            command: read('command').trim(),
            args: read('args').split('\0').slice(0, -1),
            stdin: read('stdin'),
            cwd: read('cwd').trim(),
          };
        }),
    out,
    err,
  };
}

const plan = bootstrapPlan(cluster);

describe('ultron-bootstrap --dry-run', () => {
  it('prints the exact ordered commands with pinned versions and runs nothing', async () => {
    const h = harness();
    expect(await runBootstrap({ ...h.options, dryRun: true })).toBe(0);
    expect(h.calls()).toEqual([]);
    const commands = h.out.filter((l) => !l.startsWith('#'));
    expect(commands).toEqual(plan.steps.map(formatStep));
    expect(commands[0]).toContain('-f gitops/bootstrap/namespaces.yaml');
    expect(commands[1]).toContain(
      'helm upgrade --install cert-manager cert-manager --repo https://charts.jetstack.io --version v1.20.2',
    );
    expect(h.out.filter((l) => l.startsWith('# ')).slice(2, 4)).toEqual([
      '# 2. Helm release cert-manager (cert-manager v1.20.2) in cert-manager',
      "# 3. Let's Encrypt ClusterIssuers (staging and production)",
    ]);
  });
});

// Each run spawns up to eleven processes; a loaded CI machine needs more than vitest's default 5 s.
describe('ultron-bootstrap', { timeout: 30_000 }, () => {
  it('runs helm and kubectl directly, in plan order, from the repository root', async () => {
    const h = harness({ ULTRON_GITOPS_TOKEN: TOKEN });
    expect(await runBootstrap(h.options)).toBe(0);
    const calls = h.calls();
    expect(calls.map((c) => [c.command, ...c.args])).toEqual([
      ['kubectl', 'config', 'current-context'],
      ...plan.steps.map((s) => [s.command, ...s.args]),
    ]);
    expect(new Set(calls.map((c) => c.cwd))).toEqual(new Set([realpathSync(repo)]));
    expect(h.out[0]).toContain('kube context "ultron-admin@ultron"');
  });

  it('pipes the repository credential to kubectl, never putting the token in arguments', async () => {
    const h = harness({ ULTRON_GITOPS_TOKEN: TOKEN });
    await runBootstrap(h.options);
    const calls = h.calls();
    expect(calls.flatMap((c) => c.args).some((a) => a.includes(TOKEN))).toBe(false);
    const credential = calls.find((c) => c.stdin !== '')!;
    expect(credential.args).toEqual([
      'apply',
      '--server-side',
      '--force-conflicts',
      '--field-manager=ultron-bootstrap',
      '-f',
      '-',
    ]);
    expect(JSON.parse(credential.stdin)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'gitops-repo',
        namespace: 'argocd',
        labels: { 'argocd.argoproj.io/secret-type': 'repository' },
      },
      type: 'Opaque',
      stringData: {
        type: 'git',
        url: 'https://github.com/acme/gitops.git',
        username: 'git',
        password: TOKEN,
      },
    });
  });

  it('refuses to start without the repository token, before touching the cluster', async () => {
    const h = harness();
    expect(await runBootstrap(h.options)).toBe(1);
    expect(h.calls()).toEqual([]);
    expect(h.err.join('\n')).toContain('$ULTRON_GITOPS_TOKEN is not set');
  });

  it('skips the credential when asked (public or already registered repository)', async () => {
    const h = harness();
    expect(await runBootstrap({ ...h.options, skipRepoCredential: true })).toBe(0);
    expect(h.calls().some((c) => c.stdin !== '')).toBe(false);
    expect(h.calls().at(-1)!.args.at(-1)).toBe('gitops/bootstrap/root-app.yaml');
  });

  it('stops at the first failing step with its exit code', async () => {
    const h = harness({ ULTRON_GITOPS_TOKEN: TOKEN, STUB_FAIL: 'kube-prom-stack' });
    expect(await runBootstrap(h.options)).toBe(3);
    expect(h.calls().map((c) => c.args[2] ?? c.args[0])).toEqual([
      'config',
      '--force-conflicts',
      'cert-manager',
      '--force-conflicts',
      'kube-prom-stack',
    ]);
    expect(h.err.join('\n')).toContain('step "kube-prom-stack" failed (exit code 3)');
  });

  it('says so when the tools are not installed', async () => {
    const h = harness({ ULTRON_GITOPS_TOKEN: TOKEN }, join(repo, 'nowhere'));
    expect(await runBootstrap(h.options)).toBe(127);
    expect(h.err.join('\n')).toContain('kubectl is not installed or not on PATH');
  });

  it('asks for a render when the plan or a values file is missing', async () => {
    const values = join(repo, 'gitops', BOOTSTRAP_FILES.helmValues(0, { release: 'cert-manager' } as never));
    const saved = readFileSync(values, 'utf8');
    rmSync(values);
    try {
      const h = harness({ ULTRON_GITOPS_TOKEN: TOKEN });
      expect(await runBootstrap(h.options)).toBe(1);
      expect(h.calls()).toEqual([]);
      expect(h.err.join('\n')).toContain('gitops/bootstrap/helm/01-cert-manager.values.yaml: is missing');
    } finally {
      writeFileSync(values, saved);
    }
  });
});
