import { field } from '../inspect/json.js';
import { namespaceOf, ofKind, selects } from '../inspect/objects.js';
import { renderedPods } from '../inspect/pods.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'service-selects-pods',
  doc: 'Every Service with a selector selects pods the tree renders, and its named target ports exist on them.',
  scope: 'slice',
  check(entries) {
    const pods = renderedPods(entries);
    return ofKind(entries, 'Service').flatMap(({ manifest: svc }) => {
      const selector = field(svc, 'spec', 'selector') as Record<string, string> | undefined;
      if (!selector) return [];
      const matched = pods.filter((p) => p.namespace === namespaceOf(svc) && selects(selector, p.labels));
      if (matched.length === 0) {
        return [
          {
            path: `${describe(svc)}: spec.selector`,
            message: `selects no pods rendered in namespace ${namespaceOf(svc)} (${JSON.stringify(selector)})`,
            hint: 'make the selector match the pod template labels of a Rollout, Deployment or Job',
          },
        ];
      }
      const ports = (field(svc, 'spec', 'ports') as { name?: string; targetPort?: string | number }[]) ?? [];
      return ports
        .filter((p) => typeof p.targetPort === 'string')
        .filter((p) => !matched.some((pod) => pod.ports.has(p.targetPort as string)))
        .map((p) => ({
          path: `${describe(svc)}: spec.ports[${p.name ?? p.targetPort}].targetPort`,
          message: `names port "${p.targetPort}", which no selected pod declares`,
          hint: 'use the container port name of the pods, e.g. "http"',
        }));
    });
  },
});
