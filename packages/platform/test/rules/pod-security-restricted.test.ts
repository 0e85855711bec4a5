import { describe, expect, it } from 'vitest';
import { entry, pod, rollout } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('pod-security-restricted');
const messages = (manifest: object) => run(r, [entry('x.yaml', manifest as Record<string, unknown>)]);

const SAFE_CONTAINER = {
  name: 'app',
  image: 'ghcr.io/acme/app:sha-1234567',
  resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
};
const job = (spec: object) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'j', namespace: 'app' },
  spec: { template: { spec } },
});

describe('pod-security-restricted', () => {
  itChecksFixtures(r);
  it('names each missing setting', () => {
    expect(run(r, [rollout()])).toEqual([]);
    const loose = pod({ securityContext: {} });
    (loose.spec.containers[0] as Record<string, unknown>).securityContext = {};
    (loose.spec.containers[0] as Record<string, unknown>).resources = {};
    expect(
      run(r, [rollout({}, loose)]).map((p) =>
        p.replace('Rollout demo/demo: spec.template.spec.containers[0].', ''),
      ),
    ).toEqual([
      'securityContext.allowPrivilegeEscalation: must be false [pod-security-restricted]',
      'securityContext.capabilities.drop: must include ALL [pod-security-restricted]',
      'securityContext.runAsNonRoot: must be true (here or on the pod) [pod-security-restricted]',
      'securityContext.seccompProfile.type: must be RuntimeDefault (here or on the pod) [pod-security-restricted]',
      'resources.requests: must request CPU and memory [pod-security-restricted]',
      'resources.limits.memory: must limit memory [pod-security-restricted]',
    ]);
  });
  it('passes a restricted pod, with the pod-level settings inherited', () => {
    const pod = job({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [SAFE_CONTAINER],
      volumes: [{ name: 'tmp', emptyDir: {} }],
    });
    expect(messages(pod)).toEqual([]);
  });

  it('checks init containers, root users, added capabilities and host paths', () => {
    const pod = job({
      securityContext: { runAsNonRoot: true, runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [
        { ...SAFE_CONTAINER, securityContext: { capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } } },
      ],
      containers: [{ ...SAFE_CONTAINER, ports: [{ containerPort: 80, hostPort: 80 }] }],
      volumes: [{ name: 'host', hostPath: { path: '/' } }],
    });
    expect(messages(pod)).toEqual([
      'Job app/j: spec.template.spec.volumes[0]: volume type hostPath is not allowed [pod-security-restricted]',
      'Job app/j: spec.template.spec.initContainers[0].securityContext.allowPrivilegeEscalation: must be false [pod-security-restricted]',
      'Job app/j: spec.template.spec.initContainers[0].securityContext.capabilities.add: adds NET_ADMIN [pod-security-restricted]',
      'Job app/j: spec.template.spec.initContainers[0].securityContext.runAsUser: is root (0) [pod-security-restricted]',
      'Job app/j: spec.template.spec.containers[0].securityContext.runAsUser: is root (0) [pod-security-restricted]',
      'Job app/j: spec.template.spec.containers[0].ports[0].hostPort: binds a host port [pod-security-restricted]',
    ]);
  });

  it('lets a container override a pod default in the wrong direction', () => {
    const pod = job({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          ...SAFE_CONTAINER,
          securityContext: {
            ...SAFE_CONTAINER.securityContext,
            runAsNonRoot: false,
            seccompProfile: { type: 'Unconfined' },
          },
        },
      ],
    });
    expect(messages(pod)).toEqual([
      'Job app/j: spec.template.spec.containers[0].securityContext.runAsNonRoot: must be true (here or on the pod) [pod-security-restricted]',
      'Job app/j: spec.template.spec.containers[0].securityContext.seccompProfile.type: must be RuntimeDefault (here or on the pod) [pod-security-restricted]',
    ]);
  });
  it('flags a Localhost seccomp profile and missing requests or limits', () => {
    const pod = job({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost' } },
      containers: [{ ...SAFE_CONTAINER, image: undefined, resources: { requests: { cpu: '10m' } } }],
    });
    expect(messages(pod)).toEqual([
      'Job app/j: spec.template.spec.containers[0].securityContext.seccompProfile.type: must be RuntimeDefault (here or on the pod) [pod-security-restricted]',
      'Job app/j: spec.template.spec.containers[0].resources.requests: must request CPU and memory [pod-security-restricted]',
      'Job app/j: spec.template.spec.containers[0].resources.limits.memory: must limit memory [pod-security-restricted]',
    ]);
  });
});
