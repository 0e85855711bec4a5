import type { Problem } from '../errors/problem.js';
import { routedHosts } from '../inspect/hosts.js';
import { ofKind } from '../inspect/objects.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'hosts-unique',
  doc: 'No host is routed by two Ingresses or IngressRoutes: two apps claiming one hostname would steal each other’s traffic.',
  scope: 'tree',
  check(entries) {
    const owners = new Map<string, string>();
    const problems: Problem[] = [];
    for (const { manifest: m } of ofKind(entries, 'Ingress', 'IngressRoute')) {
      for (const host of new Set(routedHosts(m))) {
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
