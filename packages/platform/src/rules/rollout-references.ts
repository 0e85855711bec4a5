import type { Problem } from '../errors/problem.js';
import { field } from '../inspect/json.js';
import { namespaceOf, ofKind } from '../inspect/objects.js';
import { describe, type PlainManifest } from '../render/manifest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'rollout-references',
  doc: 'Everything a Rollout names exists in its namespace: analysis templates, stable/canary Services, the TraefikService it weights.',
  scope: 'slice',
  check(entries) {
    const exists = (kind: string, ns: string, name: string) =>
      entries.some(
        (e) =>
          e.manifest.kind === kind && namespaceOf(e.manifest) === ns && e.manifest.metadata.name === name,
      );
    const problems: Problem[] = [];
    for (const { manifest: r } of ofKind(entries, 'Rollout')) {
      const ns = namespaceOf(r);
      const canary = (field(r, 'spec', 'strategy', 'canary') ?? {}) as Record<string, unknown>;
      const need = (kind: string, name: unknown, at: string) => {
        if (typeof name === 'string' && !exists(kind, ns, name)) {
          problems.push({
            path: `${describe(r as PlainManifest)}: ${at}`,
            message: `${kind} "${name}" is not rendered in ${ns}`,
          });
        }
      };
      const templates = (field(canary, 'analysis', 'templates') as { templateName?: string }[]) ?? [];
      for (const [i, t] of templates.entries()) {
        need('AnalysisTemplate', t.templateName, `spec.strategy.canary.analysis.templates[${i}]`);
      }
      for (const step of (canary.steps as Record<string, unknown>[]) ?? []) {
        for (const t of (field(step, 'analysis', 'templates') as { templateName?: string }[]) ?? []) {
          need('AnalysisTemplate', t.templateName, 'spec.strategy.canary.steps[].analysis');
        }
      }
      need('Service', canary.canaryService, 'spec.strategy.canary.canaryService');
      need('Service', canary.stableService, 'spec.strategy.canary.stableService');
      need(
        'TraefikService',
        field(canary, 'trafficRouting', 'traefik', 'weightedTraefikServiceName'),
        'spec.strategy.canary.trafficRouting.traefik',
      );
    }
    return problems;
  },
});
