import type { Problem } from '../errors/problem.js';
import { field } from '../inspect/json.js';
import { containersOf, podTemplates } from '../inspect/pods.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/** Volume types the "restricted" Pod Security profile admits. */
const ALLOWED_VOLUMES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
/** The kit runs everything with the runtime's default profile; a node-local profile is not reviewable in Git. */
const SECCOMP_OK = new Set(['RuntimeDefault']);

type Context = Record<string, unknown> | undefined;
const seccomp = (ctx: Context) => (field(ctx, 'seccompProfile') as { type?: string } | undefined)?.type;

/**
 * The checks of Pod Security "restricted" that a rendered pod spec can fail. App namespaces enforce the
 * profile, so a spec failing it would be admitted by Argo CD's dry run and then never get pods.
 */
export default defineRule({
  id: 'pod-security-restricted',
  doc: 'Every pod template passes Pod Security "restricted" (non-root, no escalation, ALL dropped, RuntimeDefault seccomp, no host access) and declares CPU/memory requests and a memory limit.',
  scope: 'object',
  checkObject: ({ manifest: m }) =>
    podTemplates(m).flatMap(({ path, spec }) => {
      const problems: Problem[] = [];
      const at = (where: string, message: string, hint: string) =>
        problems.push({ path: `${describe(m)}: ${path}.${where}`, message, hint });
      const pod = spec.securityContext;

      for (const host of ['hostNetwork', 'hostPID', 'hostIPC'] as const)
        if (spec[host]) at(host, 'shares a host namespace', `remove ${host}`);
      (spec.volumes ?? []).forEach((v, i) => {
        const type = Object.keys(v).find((k) => k !== 'name');
        if (type && !ALLOWED_VOLUMES.has(type))
          at(
            `volumes[${i}]`,
            `volume type ${type} is not allowed`,
            'use emptyDir, a PVC, a ConfigMap or a Secret',
          );
      });

      for (const { path: cpath, container } of containersOf(spec)) {
        const ctx = container.securityContext;
        const caps = field(ctx, 'capabilities') as { drop?: string[]; add?: string[] } | undefined;
        if (field(ctx, 'privileged') === true)
          at(`${cpath}.securityContext.privileged`, 'is privileged', 'remove it');
        if (field(ctx, 'allowPrivilegeEscalation') !== false)
          at(`${cpath}.securityContext.allowPrivilegeEscalation`, 'must be false', 'set it to false');
        if (!caps?.drop?.includes('ALL'))
          at(`${cpath}.securityContext.capabilities.drop`, 'must include ALL', 'drop: [ALL]');
        for (const cap of caps?.add ?? [])
          if (cap !== 'NET_BIND_SERVICE')
            at(
              `${cpath}.securityContext.capabilities.add`,
              `adds ${cap}`,
              'only NET_BIND_SERVICE may be added',
            );
        const nonRoot = field(ctx, 'runAsNonRoot') ?? field(pod, 'runAsNonRoot');
        if (nonRoot !== true)
          at(
            `${cpath}.securityContext.runAsNonRoot`,
            'must be true (here or on the pod)',
            'run as a non-root user',
          );
        if ((field(ctx, 'runAsUser') ?? field(pod, 'runAsUser')) === 0)
          at(`${cpath}.securityContext.runAsUser`, 'is root (0)', 'use a non-zero UID, e.g. 65532');
        if (!SECCOMP_OK.has(seccomp(ctx) ?? seccomp(pod) ?? ''))
          at(
            `${cpath}.securityContext.seccompProfile.type`,
            'must be RuntimeDefault (here or on the pod)',
            'seccompProfile: { type: RuntimeDefault }',
          );
        const { requests, limits } = container.resources ?? {};
        if (!(requests?.cpu && requests?.memory))
          at(
            `${cpath}.resources.requests`,
            'must request CPU and memory',
            'the single-node budget counts requests',
          );
        if (!limits?.memory)
          at(`${cpath}.resources.limits.memory`, 'must limit memory', 'a leak must not take the node down');
        (container.ports ?? []).forEach((p, i) => {
          if (p.hostPort) at(`${cpath}.ports[${i}].hostPort`, 'binds a host port', 'remove hostPort');
        });
      }
      return problems;
    }),
});
