import { describe, expect, it } from 'vitest';
import { renderedWorkloads } from './workloads.js';

/**
 * A probe on a path the app does not serve restarts healthy pods forever (liveness) or never lets them
 * take traffic (readiness). Every probe of every app's pods is on a path its definition declares.
 */
const workloads = await renderedWorkloads();

type Probe = { httpGet?: { path?: string; port?: string | number } };
type Container = { name: string; readinessProbe?: Probe; livenessProbe?: Probe; startupProbe?: Probe };

describe.each(workloads.map((r) => [r.w.name, r] as const))('probes of %s', (_, { w, one }) => {
  const rollout = one('Rollout') as { spec: { template: { spec: { containers: Container[] } } } };
  const declared = [w.probes.readiness, w.probes.liveness, w.probes.startup].filter((p) => p !== false);

  it('probe only paths the definition declares, on the http port', () => {
    for (const c of rollout.spec.template.spec.containers) {
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
        if (!probe) continue;
        expect(declared).toContain(probe.httpGet?.path);
        expect(probe.httpGet?.port).toBe('http');
      }
      expect(c.readinessProbe?.httpGet?.path).toBe(w.probes.readiness);
      expect(Boolean(c.livenessProbe)).toBe(w.probes.liveness !== false);
    }
  });
});
