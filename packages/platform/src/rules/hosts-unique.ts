import type { Problem } from '../errors/problem.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';
import { field, ofKind } from './workloads.js';

export default defineRule({
  id: 'hosts-unique',
  doc: 'No host is routed by two Ingresses or IngressRoutes: two apps claiming one hostname would steal each other’s traffic.',
  check(entries) {
    const owners = new Map<string, string>();
    const problems: Problem[] = [];
    for (const { manifest: m } of ofKind(entries, 'Ingress', 'IngressRoute')) {
      const hosts =
        m.kind === 'Ingress'
          ? ((field(m, 'spec', 'rules') as { host?: string }[]) ?? []).flatMap((r) =>
              r.host ? [r.host] : [],
            )
          : ((field(m, 'spec', 'routes') as { match?: string }[]) ?? []).flatMap((r) =>
              [...(r.match ?? '').matchAll(/Host\(`([^`]+)`\)/g)].map((x) => x[1]!),
            );
      for (const host of new Set(hosts)) {
        const owner = owners.get(host);
        if (owner && owner !== describe(m)) {
          problems.push({
            path: `${describe(m)}: ${host}`,
            message: `host ${host} is already routed by ${owner}`,
            hint: 'give each app its own hostnames',
          });
        } else owners.set(host, describe(m));
      }
    }
    return problems;
  },
});
