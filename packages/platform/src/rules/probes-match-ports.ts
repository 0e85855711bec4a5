import type { Problem } from '../errors/problem.js';
import { containersOf, renderedPods } from '../inspect/pods.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

type Probe = {
  httpGet?: { port?: number | string };
  tcpSocket?: { port?: number | string };
  grpc?: { port?: number };
};
const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;

export default defineRule({
  id: 'probes-match-ports',
  doc: 'Every probe targets a port its container declares (by name or number): a probe on a port nobody listens on keeps pods un-Ready or restarts them forever.',
  scope: 'object',
  checkObject(entry) {
    const problems: Problem[] = [];
    for (const pod of renderedPods([entry])) {
      for (const { container, path } of containersOf(pod.spec)) {
        const ports = container.ports ?? [];
        for (const kind of PROBES) {
          const probe = (container as unknown as Record<string, Probe | undefined>)[kind];
          const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
          if (port === undefined) continue;
          const declared = ports.some((p) =>
            typeof port === 'string' ? p.name === port : p.containerPort === port,
          );
          if (declared) continue;
          problems.push({
            path: `${describe(pod.entry.manifest)}: ${pod.path}.${path}.${kind}`,
            message: `probes port ${JSON.stringify(port)}, which container "${container.name}" does not declare`,
            hint: `declare the port under ports, or point the probe at one of: ${ports.map((p) => p.name ?? p.containerPort).join(', ') || '(none)'}`,
          });
        }
      }
    }
    return problems;
  },
});
