import { resolveCrds } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';
import { prerequisite } from '../../../testing/prerequisites.js';
import { copyRepo, read, tempDir, ultron, write } from './helpers.ts';

const location = await resolveCrds();
const crds = 'dir' in location ? location.dir : null;
const canRun = prerequisite(
  'ultron validate tests',
  crds ? null : 'skip' in location ? location.skip : 'no CRDs',
);

interface Finding {
  check: string;
  file: string | null;
  path: string;
  message: string;
}

const LEAK = `apiVersion: v1
kind: Secret
metadata:
  name: leak
  namespace: penvoice
stringData:
  TOKEN: hunter2
`;

const UNSAFE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: unsafe
  namespace: penvoice
spec:
  selector:
    matchLabels: { app: unsafe }
  template:
    metadata:
      labels: { app: unsafe }
    spec:
      hostNetwork: true
      containers:
        - name: unsafe
          image: nginx
          securityContext:
            privileged: true
`;

describe.skipIf(!canRun)('ultron validate', () => {
  it('finds no schema or policy problem in the rendered tree, and says so in JSON', async () => {
    const root = copyRepo();
    const result = await ultron(root, ['validate', '--json']);
    const out = JSON.parse(result.stdout) as {
      ok: boolean;
      objects: number;
      problems: Finding[];
      crds: { checked: number };
    };
    expect(out.objects).toBeGreaterThan(20);
    expect(out.crds.checked).toBeGreaterThan(10);
    expect(out.problems.filter((p) => p.check !== 'rules')).toEqual([]);
    // Cross-object rules are the kit's; whatever they find decides the exit code.
    expect(result.code).toBe(out.problems.length ? 1 : 0);
    expect(out.ok).toBe(out.problems.length === 0);
  });

  it('reports schema and policy problems by file, and exits 1', async () => {
    const root = copyRepo();
    const file = 'gitops/workloads/penvoice/rollout-penvoice.yaml';
    write(root, file, read(root, file).replace(/^spec:\n/m, 'spec:\n  bogusField: 1\n'));
    write(root, 'gitops/workloads/penvoice/secret-leak.yaml', LEAK);
    write(root, 'gitops/workloads/penvoice/deployment-unsafe.yaml', UNSAFE);

    const human = await ultron(root, ['validate']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(
      `${file}\n  ✗ Rollout penvoice/penvoice: spec: must NOT have additional properties "bogusField" (schema)`,
    );
    expect(human.stdout).toMatch(/✗ schema\s+1 problem\n/);
    // The secret's value is never echoed.
    expect(human.stdout).not.toContain('hunter2');

    const result = await ultron(root, ['validate', '--json']);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout).problems as Finding[];
    expect(problems.filter((p) => p.check === 'schema')).toEqual([
      expect.objectContaining({
        file: 'workloads/penvoice/rollout-penvoice.yaml',
        path: 'Rollout penvoice/penvoice: spec',
      }),
    ]);
    const policy = problems.filter((p) => p.check === 'policy');
    const about = (file: string) =>
      policy.filter((p) => p.file === file).map((p) => `${p.path}: ${p.message}`);
    expect(about('workloads/penvoice/secret-leak.yaml')).toEqual([
      'Secret penvoice/leak: stringData: holds secret values in Git [no-plaintext-secrets]',
    ]);
    const unsafe = about('workloads/penvoice/deployment-unsafe.yaml');
    expect(unsafe).toContain(
      'Deployment penvoice/unsafe: spec.template.spec.containers[0].image: "nginx" has no tag, so it runs "latest" [pinned-images]',
    );
    expect(unsafe).toContain(
      'Deployment penvoice/unsafe: spec.template.spec.hostNetwork: shares a host namespace [pod-security-restricted]',
    );
    expect(unsafe).toContain(
      'Deployment penvoice/unsafe: spec.template.spec.containers[0].securityContext.privileged: is privileged [pod-security-restricted]',
    );
    expect(
      unsafe.filter((u) => /runAsNonRoot|seccompProfile|capabilities.drop|allowPrivilegeEscalation/.test(u)),
    ).toHaveLength(4);
  });

  it('uses the CRDs of --crds, and refuses a folder that does not exist', async () => {
    const root = copyRepo();
    const ok = await ultron(root, ['validate', '--crds', crds!, '--json'], { ULTRON_CRDS_DIR: undefined });
    expect(JSON.parse(ok.stdout).crds.dir).toBe(crds);
    const missing = await ultron(root, ['validate', '--crds', '/nonexistent/crds']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--crds /nonexistent/crds: no such folder');
  });

  it('exits 3 when the CRDs setting points nowhere', async () => {
    const root = copyRepo();
    const result = await ultron(root, ['validate'], { ULTRON_CRDS_DIR: '/nonexistent/crds' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('ULTRON_CRDS_DIR=/nonexistent/crds does not exist');
  });

  it('exits 3 when there is no rendered tree', async () => {
    const result = await ultron(copyRepo(), ['validate'], { ULTRON_TREE_DIR: `${tempDir('empty-')}/none` });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('no rendered tree');
  });
});
