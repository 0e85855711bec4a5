import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, REAL_ROOT, tempDir, ultron } from './helpers.ts';

const COMMANDS = [
  'new',
  'image',
  'assemble',
  'validate',
  'diff',
  'check',
  'secrets',
  'backup',
  'restore',
  'budget',
];

describe('ultron (the program)', () => {
  it.each([
    ['ultron', CLI, ['--version']],
    ['ultron-render', join(REAL_ROOT, 'packages/platform/bin/ultron-render.js'), []],
    ['ultron-bootstrap', join(REAL_ROOT, 'packages/platform/bin/ultron-bootstrap.js'), ['--dry-run']],
  ])('%s on a Node older than 22.18 says which Node it needs', async (_, bin, args) => {
    // Node 22.17 as far as the program can tell (it cannot run .ts files without a flag).
    const older =
      'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"22.17.0"}})';
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', older, bin, ...args], { cwd: REAL_ROOT });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ultron needs Node >= 22.18');
    expect(result.stderr).toContain('this is Node 22.17.0');
    expect(result.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
  });

  it('the cluster check (the first build task) on a Node older than 22.18 says which Node it needs', async () => {
    const older =
      'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"22.17.0"}})';
    const pkg = JSON.parse(readFileSync(join(REAL_ROOT, 'cluster/package.json'), 'utf8'));
    const args = (pkg.scripts.build as string).split(' ').slice(1);
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', older, ...args], {
        cwd: join(REAL_ROOT, 'cluster'),
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ultron needs Node >= 22.18');
  });

  it('--version names the versions that decide the render, not the private CLI workspace', async () => {
    const result = await ultron(REAL_ROOT, ['--version']);
    expect(result.code).toBe(0);
    const platform = JSON.parse(readFileSync(join(REAL_ROOT, 'packages/platform/package.json'), 'utf8'));
    expect(result.stdout.trim()).toMatch(
      new RegExp(
        `^ultron ${platform.version} \\(@ultron/platform ${platform.version}, @ultron/workload-kit \\d+\\.\\d+\\.\\d+, Node \\d+`,
      ),
    );
    expect(result.stdout).not.toMatch(/^0\.0\.0/);
  });

  it('lists every command and the exit codes in --help', async () => {
    const result = await ultron(REAL_ROOT, ['--help']);
    expect(result.code).toBe(0);
    for (const c of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(result.stdout).toContain('Exit codes: 0 ok · 1 problems found · 2 usage error');
  });

  it.each([...COMMANDS.filter((c) => c !== 'image'), 'image set'])('has --help for %s', async (command) => {
    const result = await ultron(REAL_ROOT, [...command.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: ultron ${command}`);
  });

  it.each([
    [['deploy'], "unknown command 'deploy'"],
    [['image', 'set', 'penvoice'], "missing required argument 'version'"],
    [['budget', '--bogus'], "unknown option '--bogus'"],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const result = await ultron(REAL_ROOT, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('stops quietly when the reader of its output goes away (`| head`)', async () => {
    const child = spawn(process.execPath, [CLI, 'secrets'], {
      cwd: REAL_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('exits 3 outside a gitops repo', async () => {
    const result = await ultron(tempDir('not-a-repo-'), ['check']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('no pnpm-workspace.yaml above');
  });

  it('loads neither a command module nor the render engine for --help', async () => {
    // A resolve hook records every module the process loads.
    const dir = tempDir('load-log-');
    const hook = join(dir, 'hook.mjs');
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ resolve(s, c, next) { const r = next(s, c); appendFileSync(${JSON.stringify(join(dir, 'log'))}, r.url + '\\n'); return r; } });
`,
    );
    const result = await ultron(REAL_ROOT, ['--help'], {
      NODE_OPTIONS: `--import=${pathToFileURL(hook).href}`,
    });
    expect(result.code).toBe(0);
    const loaded = readFileSync(join(dir, 'log'), 'utf8');
    expect(loaded).toContain('commander');
    // (package.json files are read for the version line.)
    expect(loaded).not.toMatch(/\/commands\/|packages\/platform\/src|workload-kit\/(src|dist)|@clack/);
    // Of the platform, only the few-line Node version check every entry point runs first and the start-up
    // hooks (cached type stripping, the render bundle's redirect: built-ins only, and the digest they share
    // with the render in a chunk of its own), never its index.
    const platformFiles = loaded
      .split('\n')
      .filter((url) => url.includes('/packages/platform/') && !url.endsWith('/package.json'))
      .map((url) => url.slice(url.indexOf('/packages/platform/') + '/packages/platform/'.length));
    expect(new Set(platformFiles.map((f) => f.replace(/chunk-\w+\.js$/, 'chunk.js')))).toEqual(
      new Set(['bin/require-node.js', 'dist/startup/index.js', 'dist/chunk.js']),
    );
    const chunks = [...new Set(platformFiles.filter((f) => f.startsWith('dist/chunk-')))];
    expect(chunks.length).toBeLessThanOrEqual(2);
    const bytes = chunks.reduce(
      (n, f) => n + readFileSync(join(REAL_ROOT, 'packages/platform', f)).length,
      0,
    );
    expect(bytes).toBeLessThan(20_000);
    const others = loaded
      .split('\n')
      .filter(
        (url) =>
          url.startsWith('file:') &&
          !url.endsWith('/package.json') &&
          !/\/packages\/(cli|platform)\/|\/commander\//.test(url),
      );
    expect(others).toEqual([]);
  });
});
