import type { Problem } from '../errors/problem.js';
import { field } from '../inspect/json.js';
import { namespaceOf, ofKind, selects } from '../inspect/objects.js';
import { type RenderedPod, renderedPods } from '../inspect/pods.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/**
 * Prometheus keeps one target per (monitor, endpoint, Service, pod): a pod that two Services (or a
 * Service and a PodMonitor) lead to is scraped twice, so every rate over it doubles and series
 * duplicate. Argo Rollouts' canary and stable Services select the same pods as the app's Service,
 * which is exactly how that happens.
 */
export default defineRule({
  id: 'pods-scraped-once',
  doc: 'No pod is reached by more than one scrape path (ServiceMonitor → Service, or PodMonitor): a pod scraped twice doubles every rate over it.',
  scope: 'slice',
  check(entries) {
    const paths = new Map<RenderedPod, string[]>();
    const reach = (pod: RenderedPod, via: string) => paths.set(pod, [...(paths.get(pod) ?? []), via]);
    const pods = renderedPods(entries);
    const services = ofKind(entries, 'Service').map((e) => e.manifest);
    for (const { manifest: mon } of ofKind(entries, 'ServiceMonitor')) {
      const selector = field(mon, 'spec', 'selector', 'matchLabels') as Record<string, string> | undefined;
      const namespaces = (field(mon, 'spec', 'namespaceSelector', 'matchNames') as string[]) ?? [
        namespaceOf(mon),
      ];
      for (const svc of services) {
        if (!namespaces.includes(namespaceOf(svc)) || !selects(selector, svc.metadata.labels ?? {})) continue;
        const podSelector = field(svc, 'spec', 'selector') as Record<string, string> | undefined;
        for (const pod of pods) {
          if (pod.namespace === namespaceOf(svc) && selects(podSelector, pod.labels)) {
            reach(pod, `${describe(mon)} via ${describe(svc)}`);
          }
        }
      }
    }
    for (const { manifest: mon } of ofKind(entries, 'PodMonitor')) {
      const selector = field(mon, 'spec', 'selector', 'matchLabels') as Record<string, string> | undefined;
      for (const pod of pods) {
        if (pod.namespace === namespaceOf(mon) && selects(selector, pod.labels)) reach(pod, describe(mon));
      }
    }
    const problems: Problem[] = [];
    for (const [pod, via] of paths) {
      if (via.length < 2) continue;
      problems.push({
        path: `${describe(pod.entry.manifest)}: ${pod.path || 'pods'}`,
        message: `is scraped ${via.length} times: ${via.join('; ')}`,
        hint: 'let only one Service carry the label the ServiceMonitor selects (give canary/stable Services other labels)',
      });
    }
    return problems;
  },
});
