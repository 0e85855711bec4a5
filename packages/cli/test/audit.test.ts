import { describe, expect, it } from 'vitest';
import { copyRepo, read, ultron, write } from './helpers.ts';

interface Report {
  ok: boolean;
  namespaces: { name: string; podSecurity: string; defaultDeny: boolean; publicHosts: string[] }[];
  findings: { id: string; message: string; accepted?: string }[];
  staleAcceptances: string[];
}

const OPEN_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: anywhere
  namespace: penvoice
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock: { cidr: 0.0.0.0/0 }
`;

describe('ultron audit', { timeout: 30_000 }, () => {
  it('reports every namespace locked down and exits 0 when the definition accepts what remains', async () => {
    const root = copyRepo();
    const result = await ultron(root, ['audit', '--json']);
    const report = JSON.parse(result.stdout) as Report;
    expect(result.code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.namespaces.map((n) => n.name)).toEqual([
      'argocd',
      'cert-manager',
      'cnpg-system',
      'external-secrets',
      'keycloak',
      'monitoring',
      'penvoice',
      'statuspage',
    ]);
    for (const ns of report.namespaces) expect(ns.defaultDeny, ns.name).toBe(true);
    expect(report.namespaces.find((n) => n.name === 'argocd')?.publicHosts).toEqual([
      'argocd.ultron.example.com',
    ]);
    expect(report.namespaces.find((n) => n.name === 'keycloak')?.publicHosts).toEqual([
      'auth.ultron.example.com',
    ]);
    expect(report.findings.every((f) => f.accepted)).toBe(true);
    expect(report.findings.map((f) => f.id)).toEqual([
      'cluster-rbac/platform',
      'egress/external-secrets/external-secrets-oci-vault',
      'pod-security/argocd',
      'pod-security/keycloak',
      'pod-security/monitoring',
    ]);
    expect(report.staleAcceptances).toEqual([]);
  });

  it('exits 1 on a bypass the definition does not accept, and names it', async () => {
    const root = copyRepo();
    write(root, 'gitops/workloads/penvoice/networkpolicy-anywhere.yaml', OPEN_POLICY);
    const rootApp = 'gitops/bootstrap/root-app.yaml';
    write(root, rootApp, read(root, rootApp).replace('project: root', 'project: default'));
    const values = 'gitops/bootstrap/helm/03-argocd.values.yaml';
    write(root, values, read(root, values).replace('admin.enabled: false', 'admin.enabled: true'));

    const human = await ultron(root, ['audit']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('✗ project/root: Application root is in the unconfined "default" project');
    expect(human.stdout).toContain('✗ argocd/local-admin: Argo CD keeps its local admin account enabled');
    expect(human.stdout).toMatch(
      /✗ egress\/penvoice\/anywhere: .* 0\.0\.0\.0\/0, which includes Tailscale\/CGNAT/,
    );
    expect(human.stdout).toContain('✗ policy-reason/penvoice/anywhere');
    expect(human.stdout).toContain(
      '4 findings not accepted in the cluster definition (audit.accept); 5 accepted',
    );
  });

  it('warns about acceptances that match nothing any more', async () => {
    const root = copyRepo();
    const file = 'cluster/cluster.ts';
    write(
      root,
      file,
      read(root, file).replace(
        'accept: {',
        "accept: {\n      'project/gone': 'an app that was deleted long ago',",
      ),
    );
    const result = await ultron(root, ['audit', '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Report).staleAcceptances).toEqual(['project/gone']);
  });
});
