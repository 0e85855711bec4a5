import { describe, expect, it } from 'vitest';
import { copyRepo, read, ultron, write } from './helpers.ts';

interface Budget {
  ok: boolean;
  cluster: string;
  capacity: { cpu: number; memory: number };
  requests: { cpu: number; memory: number };
  limits: { cpu: number; memory: number };
  namespaces: { namespace: string; requests: { cpu: number; memory: number } }[];
  consumers: {
    namespace: string;
    what: string;
    replicas: number;
    requests: { cpu: number; memory: number };
    lifetime: string;
  }[];
}

const GiB = 1024 ** 3;

describe('ultron budget', () => {
  it('sums the requests of everything rendered per namespace against the node capacity', async () => {
    const result = await ultron(copyRepo(), ['budget', '--json']);
    expect(result.code).toBe(0);
    const b = JSON.parse(result.stdout) as Budget;
    expect(b.capacity).toEqual({ cpu: 4, memory: 24 * GiB });
    const sum = b.namespaces.reduce((a, n) => a + n.requests.cpu, 0);
    expect(b.requests.cpu).toBeCloseTo(sum, 6);
    const names = b.namespaces.map((n) => n.namespace);
    // Pod templates, CNPG instances, Keycloak, the Helm bootstrap and Helm values in Applications.
    expect(names).toEqual(
      expect.arrayContaining(['penvoice', 'keycloak', 'argocd', 'monitoring', 'cert-manager', 'cnpg-system']),
    );
    const what = b.consumers.map((c) => c.what);
    expect(what).toContain('Cluster penvoice/penvoice-pg');
    expect(what.some((w) => w.startsWith('Helm release argocd'))).toBe(true);
    expect(what.some((w) => w.startsWith('Application argocd/cnpg-operator Helm values'))).toBe(true);
    // The migrations Job is headroom for a deploy, not a permanent share.
    expect(b.consumers.find((c) => c.what.startsWith('Job penvoice/penvoice-migrate-'))?.lifetime).toBe(
      'transient',
    );
    const rollout = b.consumers.find((c) => c.what === 'Rollout penvoice/penvoice')!;
    const pg = b.consumers.find((c) => c.what === 'Cluster penvoice/penvoice-pg')!;
    const penvoice = b.namespaces.find((n) => n.namespace === 'penvoice')!;
    expect(penvoice.requests.cpu).toBeGreaterThanOrEqual(
      rollout.requests.cpu * rollout.replicas + pg.requests.cpu * pg.replicas,
    );
  });

  it('prints a table and exits 0 when the requests fit', async () => {
    const result = await ultron(copyRepo(), ['budget']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ultron: 1 node\(s\), 4 CPU, 24Gi allocatable$/m);
    expect(result.stdout).toMatch(/^namespace\s+cpu req\s+cpu limit\s+mem req\s+mem limit$/m);
    expect(result.stdout).toMatch(/^penvoice\s+\S+/m);
    expect(result.stdout).toMatch(/✓ requests fit: /);
  });

  it('exits 1 when the requests exceed what the nodes have', async () => {
    const root = copyRepo();
    const file = 'cluster/cluster.ts';
    const small = read(root, file)
      .replace(/cpu: '[^']+'/, "cpu: '1'")
      .replace(/memory: '[^']+'/, "memory: '4Gi'");
    expect(small).toContain("cpu: '1'");
    write(root, file, small);
    const result = await ultron(root, ['budget']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ requests exceed the capacity');
    const json = JSON.parse((await ultron(root, ['budget', '--json'])).stdout) as Budget;
    expect(json.ok).toBe(false);
    expect(json.requests.cpu).toBeGreaterThan(1);
  });
});
