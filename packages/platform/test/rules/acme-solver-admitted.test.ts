import { describe, expect, it } from 'vitest';
import { certificate, entry } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('acme-solver-admitted');
const policy = (name: string, spec: Record<string, unknown>) =>
  entry(`workloads/demo/networkpolicy-${name}.yaml`, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: 'demo' },
    spec,
  });
const denyAll = policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
const solver = (port = 8089, ns = 'kube-system') =>
  policy('allow-acme-http01-solver', {
    podSelector: { matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } }],
        ports: [{ protocol: 'TCP', port }],
      },
    ],
  });
const issuer = (solvers: unknown[]) =>
  entry('bootstrap/clusterissuer-letsencrypt-prod.yaml', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: 'letsencrypt-prod' },
    spec: { acme: { solvers } },
  });

describe('acme-solver-admitted', () => {
  itChecksFixtures(r);
  const cert = certificate();
  (cert.manifest as unknown as { spec: Record<string, unknown> }).spec.issuerRef = {
    kind: 'ClusterIssuer',
    name: 'letsencrypt-prod',
  };
  it('passes when Traefik may reach the solver on 8089', () => {
    expect(run(r, [denyAll, solver(), cert])).toEqual([]);
  });
  it('passes without default-deny, or with a DNS-01-only issuer', () => {
    expect(run(r, [cert])).toEqual([]);
    expect(run(r, [denyAll, cert, issuer([{ dns01: { cloudflare: {} } }])])).toEqual([]);
  });
  it('fails when default-deny blocks the solver (no allow, wrong port, wrong source)', () => {
    for (const entries of [
      [denyAll, cert],
      [denyAll, solver(8080), cert],
      [denyAll, solver(8089, 'monitoring'), cert],
    ]) {
      expect(run(r, entries)).toEqual([
        expect.stringMatching(
          /namespace demo denies ingress by default, so cert-manager's HTTP-01 solver pod never answers/,
        ),
      ]);
    }
    expect(
      run(r, [denyAll, cert, issuer([{ http01: { ingress: { ingressClassName: 'traefik' } } }])]),
    ).toHaveLength(1);
  });
});
