import type { Problem } from '../errors/problem.js';
import { describe } from '../render/manifest.js';
import { containersOf } from './containers.js';
import { defineRule } from './rule.js';
import { field, podTemplates } from './workloads.js';

export default defineRule({
  id: 'pod-security-restricted',
  doc: 'Every pod the tree renders passes Pod Security "restricted" and declares CPU/memory requests and a memory limit.',
  check(entries) {
    const problems: Problem[] = [];
    for (const pod of podTemplates(entries)) {
      if (!pod.spec.containers) continue; // operator-managed pods (CNPG) are the operator's business
      const where = describe(pod.entry.manifest);
      const podSc = (pod.spec.securityContext ?? {}) as Record<string, unknown>;
      for (const { at, c } of containersOf(pod)) {
        const sc = c.securityContext ?? {};
        const need = (ok: boolean, what: string) => {
          if (!ok) problems.push({ path: `${where}: ${at}`, message: what });
        };
        need((sc.runAsNonRoot ?? podSc.runAsNonRoot) === true, 'must set runAsNonRoot: true');
        need(sc.allowPrivilegeEscalation === false, 'must set allowPrivilegeEscalation: false');
        need(
          ((field(sc, 'capabilities', 'drop') as string[]) ?? []).includes('ALL'),
          'must drop ALL capabilities',
        );
        need(
          (field(sc, 'seccompProfile', 'type') ?? field(podSc, 'seccompProfile', 'type')) ===
            'RuntimeDefault',
          'must use the RuntimeDefault seccomp profile',
        );
        need(
          Boolean(c.resources?.requests?.cpu && c.resources?.requests?.memory),
          'must request CPU and memory',
        );
        need(Boolean(c.resources?.limits?.memory), 'must limit memory');
      }
    }
    return problems;
  },
});
