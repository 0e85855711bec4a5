import { ACME_HTTP01_SOLVER, PLATFORM_NAMESPACES } from '../conventions/names.js';
import type { Problem } from '../errors/problem.js';
import { field } from '../inspect/json.js';
import { namespaceOf, ofKind, selects, type TreeEntry } from '../inspect/objects.js';
import type { PlainManifest } from '../render/manifest.js';
import { defineRule } from './rule.js';

type Peer = { namespaceSelector?: { matchLabels?: Record<string, string> } };
type IngressRule = { from?: Peer[]; ports?: { port?: number | string }[] };

/** A policy that selects every pod and admits nothing: the namespace denies ingress by default. */
const deniesIngress = (p: PlainManifest) =>
  Object.keys((field(p, 'spec', 'podSelector', 'matchLabels') as object) ?? {}).length === 0 &&
  ((field(p, 'spec', 'policyTypes') as string[]) ?? []).includes('Ingress') &&
  ((field(p, 'spec', 'ingress') as unknown[]) ?? []).length === 0;

/** Traefik (kube-system) may reach the solver pod on its port. */
const admitsSolver = (p: PlainManifest) => {
  const podSelector = field(p, 'spec', 'podSelector', 'matchLabels') as Record<string, string> | undefined;
  if (!selects(podSelector, ACME_HTTP01_SOLVER.podLabels)) return false;
  return ((field(p, 'spec', 'ingress') as IngressRule[]) ?? []).some(
    (rule) =>
      (rule.from ?? []).some(
        (peer) =>
          peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] ===
          PLATFORM_NAMESPACES.kubeSystem,
      ) &&
      (!rule.ports || rule.ports.some((port) => port.port === ACME_HTTP01_SOLVER.port)),
  );
};

/** ClusterIssuers whose ACME solvers use DNS-01 only; any other issuer (or one not in the tree) may use HTTP-01. */
function dnsOnlyIssuers(entries: readonly TreeEntry[]): Set<string> {
  const out = new Set<string>();
  for (const { manifest } of ofKind(entries, 'ClusterIssuer')) {
    const solvers = (field(manifest, 'spec', 'acme', 'solvers') as { http01?: unknown }[]) ?? [];
    if (solvers.length > 0 && solvers.every((s) => !s.http01)) out.add(manifest.metadata.name ?? '');
  }
  return out;
}

/** The issuer a Certificate or a cert-manager-annotated Ingress asks for, if any. */
function issuerOf(m: PlainManifest): string | undefined {
  if (m.kind === 'Certificate') return field(m, 'spec', 'issuerRef', 'name') as string | undefined;
  const a = m.metadata.annotations ?? {};
  return a['cert-manager.io/cluster-issuer'] ?? a['cert-manager.io/issuer'];
}

export default defineRule({
  id: 'acme-solver-admitted',
  doc: 'Every namespace that denies ingress by default and asks cert-manager for an HTTP-01 certificate admits Traefik to the ACME solver pod (port 8089).',
  scope: 'slice',
  check(entries) {
    const dnsOnly = dnsOnlyIssuers(entries);
    const policies = ofKind(entries, 'NetworkPolicy').map((e) => e.manifest);
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const { file, manifest } of ofKind(entries, 'Certificate', 'Ingress')) {
      const issuer = issuerOf(manifest);
      const ns = namespaceOf(manifest);
      // An Ingress asks only through cert-manager's annotations; a Certificate always asks its issuer.
      if ((manifest.kind === 'Ingress' && !issuer) || (issuer && dnsOnly.has(issuer)) || seen.has(ns))
        continue;
      const own = policies.filter((p) => namespaceOf(p) === ns);
      if (!own.some(deniesIngress) || own.some(admitsSolver)) continue;
      seen.add(ns);
      problems.push({
        path: `${file}: ${manifest.kind} ${ns}/${manifest.metadata.name}`,
        message: `namespace ${ns} denies ingress by default, so cert-manager's HTTP-01 solver pod never answers and the certificate is never issued`,
        hint: `add a NetworkPolicy selecting ${JSON.stringify(ACME_HTTP01_SOLVER.podLabels)} that admits Traefik from ${PLATFORM_NAMESPACES.kubeSystem} on port ${ACME_HTTP01_SOLVER.port}`,
      });
    }
    return problems;
  },
});
