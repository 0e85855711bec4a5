import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyRepo, read, snapshot, ultron } from './helpers.ts';

/** statuspage's definition with `changes` applied: a second app, added as a user would (one folder). */
function addApp(root: string, folder: string, fields: Record<string, string>): void {
  const dir = join(root, 'workloads', folder);
  mkdirSync(dir, { recursive: true });
  let source = read(root, 'workloads/statuspage/workload.ts');
  for (const [key, value] of Object.entries(fields))
    source = source.replace(new RegExp(`^  ${key}: .*$`, 'm'), `  ${key}: ${value},`);
  writeFileSync(join(dir, 'workload.ts'), source);
  const pkg = JSON.parse(read(root, 'workloads/statuspage/package.json'));
  pkg.name = `@ultron-gitops/${folder}`;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  symlinkSync(join(root, 'workloads/statuspage/node_modules'), join(dir, 'node_modules'));
  const assemble = JSON.parse(read(root, 'assemble/package.json'));
  assemble.dependencies[pkg.name] = 'workspace:*';
  writeFileSync(join(root, 'assemble/package.json'), JSON.stringify(assemble, null, 2));
}

function gitopsOf(root: string): Map<string, string> {
  return new Map([...snapshot(root)].filter(([p]) => p.startsWith('gitops')));
}

describe('ultron assemble (the last step of the build): nothing reaches gitops/ until the whole tree passes', () => {
  const cases: [string, string, Record<string, string>, RegExp[]][] = [
    [
      'an app named like a platform Application',
      'root',
      { name: "'root'" },
      [/"root" is reserved: it is the root Application/],
    ],
    [
      'an app named like a platform component',
      'cnpg-operator',
      { name: "'cnpg-operator'" },
      [/"cnpg-operator" is reserved/],
    ],
    [
      'a second app with an existing name',
      'statuspage2',
      { name: "'statuspage'", domain: "'other.example.com'", hosts: "['other.example.com']" },
      [
        /claims workloads\/statuspage, which workloads\/statuspage already owns|claims .*statuspage/,
        /renders "statuspage" but its folder is named "statuspage2"/,
      ],
    ],
    [
      'a duplicate host',
      'mirror',
      { name: "'mirror'" },
      [/host status\.ultron\.example\.com is already routed by/],
    ],
    [
      'a 64-CPU request',
      'hungry',
      {
        name: "'hungry'",
        domain: "'hungry.example.com'",
        hosts: "['hungry.example.com']",
        resources: "{ requests: { cpu: '64', memory: '64Mi' }, limits: { memory: '128Mi' } }",
      },
      [/CPU requests .* exceed the .* allocatable: pods would stay Pending \[node-budget\]/],
    ],
  ];

  it.each(cases)(
    '%s: exit 1, every problem listed, gitops/ byte-identical',
    async (_, folder, fields, expected) => {
      const root = copyRepo();
      addApp(root, folder, fields);
      const before = gitopsOf(root);
      const result = await ultron(root, ['assemble']);
      expect(result.code, result.stderr).toBe(1);
      for (const pattern of expected) expect(result.stdout).toMatch(pattern);
      expect(result.stdout).toContain('gitops/ was not changed.');
      expect(gitopsOf(root)).toEqual(before);
    },
  );

  it('a definition with several kinds of problems lists all of them at once', async () => {
    const root = copyRepo();
    addApp(root, 'broken', {
      name: "'broken'",
      domain: "'broken.example.com'",
      // Type error (port), cross-field error (host outside the domain), both reported.
      port: "'http'",
      hosts: "['elsewhere.example.org']",
    });
    const result = await ultron(root, ['assemble']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/workload\.port/);
    expect(result.stdout).toMatch(/"elsewhere\.example\.org" is outside the app domain/);
  });

  it('a workspace turbo would not order before the assemble step is refused', async () => {
    const root = copyRepo();
    addApp(root, 'extra', { name: "'extra'", domain: "'extra.example.com'", hosts: "['extra.example.com']" });
    const assemble = JSON.parse(read(root, 'assemble/package.json'));
    delete assemble.dependencies['@ultron-gitops/extra'];
    writeFileSync(join(root, 'assemble/package.json'), JSON.stringify(assemble, null, 2));
    const result = await ultron(root, ['assemble']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('does not list @ultron-gitops/extra');
  });

  it('a valid new app is written with every other file unchanged, and a stale file is pruned', async () => {
    const root = copyRepo();
    addApp(root, 'fresh', { name: "'fresh'", domain: "'fresh.example.com'", hosts: "['fresh.example.com']" });
    writeFileSync(join(root, 'gitops/workloads/statuspage/stale.yaml'), 'left over\n');
    const before = gitopsOf(root);
    const result = await ultron(root, ['assemble']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const after = gitopsOf(root);
    expect(after.has('gitops/workloads/statuspage/stale.yaml')).toBe(false);
    expect(after.has('gitops/apps/fresh.yaml')).toBe(true);
    for (const [path, hash] of before)
      if (path !== 'gitops/workloads/statuspage/stale.yaml') expect(after.get(path), path).toBe(hash);
    expect(readFileSync(join(root, 'gitops/apps/fresh.yaml'), 'utf8')).toContain('name: fresh');
  });
});
