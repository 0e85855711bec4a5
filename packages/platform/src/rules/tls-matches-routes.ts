import type { Problem } from '../errors/problem.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';
import { field, namespaceOf, ofKind } from './workloads.js';

/** Does a certificate name cover a host (exact, or one-label wildcard)? */
function covers(dnsNames: readonly string[], host: string): boolean {
  return dnsNames.some(
    (n) => n === host || (n.startsWith('*.') && host.slice(host.indexOf('.')) === n.slice(1)),
  );
}

/** Hosts in a Traefik rule such as ``Host(`a`) || Host(`b`)``. */
function routeHosts(match: string): string[] {
  return [...match.matchAll(/Host\(`([^`]+)`\)/g)].map((m) => m[1]!);
}

export default defineRule({
  id: 'tls-matches-routes',
  doc: 'Every TLS secret an Ingress or IngressRoute serves is issued by a rendered Certificate whose names cover the routed hosts.',
  check(entries) {
    const certs = ofKind(entries, 'Certificate').map((e) => e.manifest);
    const problems: Problem[] = [];
    const routes = ofKind(entries, 'Ingress', 'IngressRoute').map(({ manifest: m }) => {
      if (m.kind === 'Ingress') {
        const tls = (field(m, 'spec', 'tls') as { secretName?: string; hosts?: string[] }[]) ?? [];
        const ruleHosts = ((field(m, 'spec', 'rules') as { host?: string }[]) ?? []).flatMap((r) =>
          r.host ? [r.host] : [],
        );
        return {
          m,
          secrets: tls.map((t) => ({ secret: t.secretName, hosts: [...(t.hosts ?? []), ...ruleHosts] })),
        };
      }
      const secret = field(m, 'spec', 'tls', 'secretName') as string | undefined;
      const hosts = ((field(m, 'spec', 'routes') as { match?: string }[]) ?? []).flatMap((r) =>
        routeHosts(r.match ?? ''),
      );
      return { m, secrets: secret ? [{ secret, hosts }] : [] };
    });
    for (const { m, secrets } of routes) {
      for (const { secret, hosts } of secrets) {
        const cert = certs.find(
          (c) => namespaceOf(c) === namespaceOf(m) && field(c, 'spec', 'secretName') === secret,
        );
        if (!cert) {
          problems.push({
            path: `${describe(m)}: tls.secretName`,
            message: `serves TLS secret "${secret}", which no rendered Certificate in ${namespaceOf(m)} issues`,
            hint: 'render a cert-manager Certificate with that secretName',
          });
          continue;
        }
        const names = (field(cert, 'spec', 'dnsNames') as string[]) ?? [];
        for (const host of new Set(hosts)) {
          if (!covers(names, host)) {
            problems.push({
              path: `${describe(m)}: tls`,
              message: `routes ${host}, but Certificate ${cert.metadata.name} only covers ${names.join(', ')}`,
            });
          }
        }
      }
    }
    return problems;
  },
});
