import type { Problem } from '../errors/problem.js';
import { servedTls } from '../inspect/hosts.js';
import { field } from '../inspect/json.js';
import { namespaceOf, ofKind } from '../inspect/objects.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/** Does a certificate name cover a host (exact, or one-label wildcard)? */
function covers(dnsNames: readonly string[], host: string): boolean {
  return dnsNames.some(
    (n) => n === host || (n.startsWith('*.') && host.slice(host.indexOf('.')) === n.slice(1)),
  );
}

export default defineRule({
  id: 'tls-matches-routes',
  doc: 'Every TLS secret an Ingress or IngressRoute serves is issued by a rendered Certificate whose names cover the routed hosts.',
  scope: 'slice',
  check(entries) {
    const certs = ofKind(entries, 'Certificate').map((e) => e.manifest);
    const problems: Problem[] = [];
    for (const { manifest: m } of ofKind(entries, 'Ingress', 'IngressRoute')) {
      for (const { secret, hosts } of servedTls(m)) {
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
