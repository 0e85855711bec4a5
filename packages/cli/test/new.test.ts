import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changedPaths, copyRepo, REAL_ROOT, read, run, snapshot, tempDir, ultron, write } from './helpers.ts';

const DEMO = ['new', 'demo', '--domain', 'demo.example.com', '--tag', 'sha-1234567'];
const WORKSPACE_FILES = [
  // The assemble step's dependency list (turbo orders it after every slice) gains the new app.
  'assemble/package.json',
  ...['README.md', 'package.json', 'tsconfig.json', 'workload.ts'].map((f) => `workloads/demo/${f}`),
];

/**
 * What `pnpm install` does for a new workspace's `workspace:` dependencies: link each to its folder. Lets
 * the test render the app without a full install.
 */
function linkWorkspaceDeps(root: string, dir: string): void {
  const pkg = JSON.parse(read(root, `${dir}/package.json`)) as { dependencies: Record<string, string> };
  const folders: Record<string, string> = {
    '@ultron-gitops/cluster': join(root, 'cluster'),
    '@ultron/platform': join(REAL_ROOT, 'packages/platform'),
    '@ultron/workload-kit': join(REAL_ROOT, 'packages/workload-kit'),
  };
  for (const name of Object.keys(pkg.dependencies)) {
    const link = join(root, dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(folders[name]!, link);
  }
}

/** The workspace's own build, exactly as turbo runs it: `ultron-render workload.ts` in its folder. */
const render = (root: string, dir: string) =>
  run(
    process.execPath,
    [join(REAL_ROOT, 'packages/platform/bin/ultron-render.js'), 'workload.ts'],
    join(root, dir),
  );

describe('ultron new', () => {
  it('adds a workspace that renders the app with nothing else edited', async () => {
    const root = copyRepo();
    const before = snapshot(root);
    const result = await ultron(root, DEMO);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created workloads/demo/');
    expect(changedPaths(before, snapshot(root))).toEqual(WORKSPACE_FILES);

    const definition = read(root, 'workloads/demo/workload.ts');
    expect(
      definition.split('\n').filter((l) => l.includes("image: 'ghcr.io/ultron-infra/demo:sha-1234567',")),
    ).toHaveLength(1);
    const pkg = JSON.parse(read(root, 'workloads/demo/package.json'));
    expect(pkg.scripts.build).toBe('ultron-render workload.ts');
    expect(pkg.dependencies).toEqual({
      '@ultron-gitops/cluster': 'workspace:*',
      '@ultron/platform': 'workspace:^',
      '@ultron/workload-kit': 'workspace:^',
    });
    expect(JSON.parse(read(root, 'assemble/package.json')).dependencies['@ultron-gitops/demo']).toBe(
      'workspace:*',
    );

    linkWorkspaceDeps(root, 'workloads/demo');
    const beforeRender = snapshot(join(root, 'gitops'));
    const built = await render(root, 'workloads/demo');
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    // The slice is staged in the workspace; the assemble step checks the whole tree and writes it.
    const assembled = await ultron(root, ['assemble']);
    expect(assembled.code, assembled.stdout).toBe(0);
    const rendered = changedPaths(beforeRender, snapshot(join(root, 'gitops')));
    expect(rendered).toContain('apps/demo.yaml');
    expect(rendered).toContain('workloads/demo/rollout-demo.yaml');
    expect(rendered).toContain('workloads/demo/database/cluster-demo-pg.yaml');
    expect(rendered.every((p) => p === 'apps/demo.yaml' || p.startsWith('workloads/demo/'))).toBe(true);
    const rollout = parse(read(root, 'gitops/workloads/demo/rollout-demo.yaml'));
    expect(rollout.spec.template.spec.containers[0].image).toBe('ghcr.io/ultron-infra/demo:sha-1234567');
    // The migrations Job runs what the app-repo Dockerfile bundles.
    const job = parse(read(root, 'gitops/workloads/demo/job-demo-migrate-sha-1234567.yaml'));
    expect(job.spec.template.spec.containers[0].command).toEqual([
      'migrate',
      '-path',
      '/migrations',
      '-database',
      'postgres://demo-pg-rw:5432/demo?sslmode=require',
      'up',
    ]);
    // No secret on its command line: the credentials come from the environment.
    expect(job.spec.template.spec.containers[0].env.map((e: { name: string }) => e.name)).toEqual(
      expect.arrayContaining(['PGUSER', 'PGPASSWORD']),
    );

    // The committed tree now equals a fresh render of every workspace, the new one included.
    expect((await ultron(root, ['check'])).code).toBe(0);
  });

  it('writes files the repo linter accepts as they are', async () => {
    const root = copyRepo();
    expect((await ultron(root, [...DEMO, '--no-database'])).code).toBe(0);
    const biome = await run(join(REAL_ROOT, 'node_modules/.bin/biome'), ['check', 'workloads/demo'], root);
    expect(biome.stdout + biome.stderr).not.toMatch(/error|Formatter would have printed/i);
    expect(biome.code).toBe(0);
    const definition = read(root, 'workloads/demo/workload.ts');
    expect(definition).toContain('  database: false,\n  migrations: false,\n');
  });

  it.each([
    [
      ['new', 'penvoice', '--domain', 'x.example.com', '--tag', 'sha-1234567'],
      /<app>: "penvoice" is taken by app penvoice/,
    ],
    [
      ['new', 'argocd', '--domain', 'x.example.com', '--tag', 'sha-1234567'],
      /<app>: "argocd" is reserved: it is the namespace argocd/,
    ],
    [
      ['new', 'cnpg-operator', '--domain', 'x.example.com', '--tag', 'sha-1234567'],
      /<app>: "cnpg-operator" is reserved: it is the platform component cnpg-operator/,
    ],
    [
      ['new', 'My_App', '--domain', 'x.example.com', '--tag', 'sha-1234567'],
      /<app>: must be lowercase letters/,
    ],
    [
      ['new', 'demo', '--domain', 'penvoice.app', '--tag', 'sha-1234567'],
      /--domain: penvoice.app is the domain of app penvoice/,
    ],
    [
      ['new', 'demo', '--domain', 'auth.ultron.example.com', '--tag', 'sha-1234567'],
      /--domain: auth.ultron.example.com is already served by/,
    ],
    [
      ['new', 'demo', '--domain', 'https://demo.example.com', '--tag', 'sha-1234567'],
      /--domain: must be a lowercase DNS name/,
    ],
    [['new', 'demo', '--domain', 'demo.example.com', '--tag', 'latest'], /--tag: "latest" is never deployed/],
    [
      ['new', 'demo', '--domain', 'demo.example.com', '--tag', 'sha-1234567', '--port', '80'],
      /--port: must be 1024 or higher/,
    ],
    [['new', 'demo'], /missing --domain, --tag \(no terminal to ask on\)/],
  ])('refuses %j with exit 2 and writes nothing', async (args, message) => {
    const root = copyRepo();
    const before = snapshot(root);
    const result = await ultron(root, args);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
  });

  it('lists every problem at once', async () => {
    const root = copyRepo();
    const result = await ultron(root, ['new', 'penvoice', '--domain', 'penvoice.app', '--tag', 'latest']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/<app>:.*\n.*--domain:.*\n.*--tag:/);
  });

  it('writes the app repository side with --app-repo', async () => {
    const root = copyRepo();
    const appRepo = tempDir('ultron-app-');
    const result = await ultron(root, [...DEMO, '--app-repo', appRepo]);
    expect(result.code).toBe(0);
    expect(snapshot(appRepo).size).toBe(3);

    const dockerfile = readFileSync(join(appRepo, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM --platform=\$BUILDPLATFORM golang:.* AS build$/m);
    expect(dockerfile).toMatch(/^FROM gcr\.io\/distroless\/static-debian12:nonroot$/m);
    expect(dockerfile).toContain('COPY --from=migrate /usr/local/bin/migrate /usr/local/bin/migrate');
    expect(dockerfile).toContain('COPY migrations /migrations');
    expect(dockerfile).toContain('USER 65532:65532');
    expect(dockerfile).toContain('EXPOSE 8080');
    expect(readFileSync(join(appRepo, '.dockerignore'), 'utf8')).toMatch(/^\.git$/m);

    const workflow = parse(readFileSync(join(appRepo, '.github/workflows/build.yml'), 'utf8'));
    const steps = workflow.jobs.image.steps as {
      uses?: string;
      with?: Record<string, unknown>;
      run?: string;
    }[];
    const build = steps.find((s) => s.uses?.startsWith('docker/build-push-action'))!;
    expect(build.with).toMatchObject({ platforms: 'linux/arm64', push: true });
    expect(build.with!.tags).toBe(`ghcr.io/ultron-infra/demo:\${{ steps.tag.outputs.tag }}`);
    expect(steps.find((s) => s.run?.includes('GITHUB_SHA::7'))!.run).toContain('tag=sha-');
    const dispatch = steps.find((s) => s.run?.includes('dispatches'))!.run!;
    expect(dispatch).toContain('repos/ultron-infra/gitops/dispatches');
    expect(dispatch).toContain('event_type=image-bump');
    expect(dispatch).toContain('client_payload[app]=demo');
    expect(workflow.permissions).toEqual({ contents: 'read', packages: 'write' });
  });

  it('keeps existing app repository files unless --force', async () => {
    const root = copyRepo();
    const appRepo = tempDir('ultron-app-');
    write(appRepo, 'Dockerfile', 'FROM scratch\n');
    const before = snapshot(root);
    const refused = await ultron(root, [...DEMO, '--app-repo', appRepo]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already has Dockerfile; nothing was written');
    // Refused before the first write: no half-onboarded workspace in the gitops repo either.
    expect(changedPaths(before, snapshot(root))).toEqual([]);
    expect(readFileSync(join(appRepo, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');
    expect(existsSync(join(appRepo, '.dockerignore'))).toBe(false);

    expect((await ultron(root, [...DEMO, '--app-repo', appRepo, '--force'])).code).toBe(0);
    expect(readFileSync(join(appRepo, 'Dockerfile'), 'utf8')).toContain('distroless');
  });

  it('prints machine-readable results with --json', async () => {
    const root = copyRepo();
    const result = await ultron(root, [...DEMO, '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.app).toEqual({
      name: 'demo',
      domain: 'demo.example.com',
      image: 'ghcr.io/ultron-infra/demo:sha-1234567',
      port: 8080,
      database: true,
    });
    expect([...out.written].sort()).toEqual(WORKSPACE_FILES);
  });
});
