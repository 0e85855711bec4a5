import { describe, expect, it } from 'vitest';
import type { PlainManifest } from '../../src/render/manifest.js';
import { checkTree } from '../../src/rules/index.js';
import noPlaintextSecrets from '../../src/rules/no-plaintext-secrets.js';
import pinnedImages from '../../src/rules/pinned-images.js';
import podSecurityRestricted from '../../src/rules/pod-security-restricted.js';
import type { Rule } from '../../src/rules/rule.js';

const entry = (manifest: object) => ({ file: 'x.yaml', manifest: manifest as PlainManifest });
const messages = (rule: Rule, manifest: object) =>
  checkTree([entry(manifest)], [rule]).map((p) => `${p.path}: ${p.message}`);

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

describe('no-plaintext-secrets', () => {
  it('flags data and stringData, and a Secret without values too', () => {
    const secret = (fields: object) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'n' },
      ...fields,
    });
    expect(messages(noPlaintextSecrets, secret({ data: { A: 'eA==' } }))).toEqual([
      'Secret n/s: data: holds secret values in Git [no-plaintext-secrets]',
    ]);
    expect(messages(noPlaintextSecrets, secret({ stringData: { A: 'x' } }))).toHaveLength(1);
    expect(messages(noPlaintextSecrets, secret({ type: 'Opaque', data: {} }))).toEqual([
      'Secret n/s: is a Secret rendered into Git [no-plaintext-secrets]',
    ]);
  });
});

describe('pinned-images', () => {
  it('accepts tags and digests, flags latest and untagged images anywhere in an object', () => {
    const cluster = (imageName: string) => ({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'db', namespace: 'n' },
      spec: { imageName },
    });
    expect(messages(pinnedImages, cluster('ghcr.io/cloudnative-pg/postgresql:17.5'))).toEqual([]);
    expect(messages(pinnedImages, cluster(`ghcr.io/x/y@sha256:${'a'.repeat(64)}`))).toEqual([]);
    expect(messages(pinnedImages, cluster('postgres:latest'))).toEqual([
      'Cluster n/db: spec.imageName: "postgres:latest" uses the moving "latest" tag [pinned-images]',
    ]);
    expect(messages(pinnedImages, cluster('localhost:5000/postgres'))).toEqual([
      'Cluster n/db: spec.imageName: "localhost:5000/postgres" has no tag, so it runs "latest" [pinned-images]',
    ]);
  });

  it('reads Helm values that split repository and tag', () => {
    const app = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'argocd' },
      spec: { source: { helm: { valuesObject: { image: { repository: 'x/y', tag: 'latest' } } } } },
    };
    expect(messages(pinnedImages, app)).toEqual([
      'Application argocd/a: spec.source.helm.valuesObject.image.tag: uses the moving "latest" tag [pinned-images]',
    ]);
  });
});

describe('pod-security-restricted', () => {
  it('passes a restricted pod, with the pod-level settings inherited', () => {
    const pod = job({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [SAFE_CONTAINER],
      volumes: [{ name: 'tmp', emptyDir: {} }],
    });
    expect(messages(podSecurityRestricted, pod)).toEqual([]);
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
    expect(messages(podSecurityRestricted, pod)).toEqual([
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
    expect(messages(podSecurityRestricted, pod)).toEqual([
      'Job app/j: spec.template.spec.containers[0].securityContext.runAsNonRoot: must be true (here or on the pod) [pod-security-restricted]',
      'Job app/j: spec.template.spec.containers[0].securityContext.seccompProfile.type: must be RuntimeDefault (here or on the pod) [pod-security-restricted]',
    ]);
  });
});

describe('what the kit adds to the restricted profile', () => {
  it('flags a container without an image, a Localhost seccomp profile and missing requests or limits', () => {
    const pod = job({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost' } },
      containers: [{ ...SAFE_CONTAINER, image: undefined, resources: { requests: { cpu: '10m' } } }],
    });
    expect(messages(pinnedImages, pod)).toEqual([
      'Job app/j: spec.template.spec.containers[0].image: is missing [pinned-images]',
    ]);
    expect(messages(podSecurityRestricted, pod)).toEqual([
      'Job app/j: spec.template.spec.containers[0].securityContext.seccompProfile.type: must be RuntimeDefault (here or on the pod) [pod-security-restricted]',
      'Job app/j: spec.template.spec.containers[0].resources.requests: must request CPU and memory [pod-security-restricted]',
      'Job app/j: spec.template.spec.containers[0].resources.limits.memory: must limit memory [pod-security-restricted]',
    ]);
  });
});
