import type { Problem } from '../errors/problem.js';
import { field } from '../inspect/json.js';
import { namespaceOf, ofKind, selects } from '../inspect/objects.js';
import { renderedPods } from '../inspect/pods.js';
import { describe } from '../render/manifest.js';
import { operatorServices } from './operator-services.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'monitors-match-targets',
  doc: 'Every ServiceMonitor selects a rendered (or operator-made) Service that has the port it scrapes; every PodMonitor selects pods with that port.',
  scope: 'slice',
  check(entries) {
    const problems: Problem[] = [];
    const services = [...ofKind(entries, 'Service').map((e) => e.manifest), ...operatorServices(entries)];
    for (const { manifest: mon } of ofKind(entries, 'ServiceMonitor')) {
      const selector = field(mon, 'spec', 'selector', 'matchLabels') as Record<string, string> | undefined;
      const namespaces = (field(mon, 'spec', 'namespaceSelector', 'matchNames') as string[]) ?? [
        namespaceOf(mon),
      ];
      const matched = services.filter(
        (s) => namespaces.includes(namespaceOf(s)) && selects(selector, s.metadata.labels ?? {}),
      );
      if (matched.length === 0) {
        problems.push({
          path: `${describe(mon)}: spec.selector`,
          message: 'selects no rendered Service (by its labels)',
        });
        continue;
      }
      for (const ep of (field(mon, 'spec', 'endpoints') as { port?: string }[]) ?? []) {
        const has = matched.some((s) =>
          ((field(s, 'spec', 'ports') as { name?: string }[]) ?? []).some((p) => p.name === ep.port),
        );
        if (!has) {
          problems.push({
            path: `${describe(mon)}: spec.endpoints[${ep.port}]`,
            message: `scrapes port "${ep.port}", which the selected Services do not name`,
          });
        }
      }
    }
    const pods = renderedPods(entries);
    for (const { manifest: mon } of ofKind(entries, 'PodMonitor')) {
      const selector = field(mon, 'spec', 'selector', 'matchLabels') as Record<string, string> | undefined;
      const matched = pods.filter((p) => p.namespace === namespaceOf(mon) && selects(selector, p.labels));
      if (matched.length === 0) {
        problems.push({ path: `${describe(mon)}: spec.selector`, message: 'selects no rendered pods' });
        continue;
      }
      for (const ep of (field(mon, 'spec', 'podMetricsEndpoints') as { port?: string }[]) ?? []) {
        if (ep.port && !matched.some((p) => p.ports.has(ep.port!))) {
          problems.push({
            path: `${describe(mon)}: spec.podMetricsEndpoints[${ep.port}]`,
            message: `no selected pod names port "${ep.port}"`,
          });
        }
      }
    }
    return problems;
  },
});
