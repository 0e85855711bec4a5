import { describe, expect, it } from 'vitest';
import type { TreeEntry } from '../../src/inspect/objects.js';
import { containersOf, podTemplates, renderedPods } from '../../src/inspect/pods.js';
import type { PlainManifest } from '../../src/render/manifest.js';

const pod = {
  metadata: { labels: { app: 'demo' } },
  spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 80 }] }] },
};
const object = (kind: string, spec: Record<string, unknown>, apiVersion = 'apps/v1') =>
  ({ apiVersion, kind, metadata: { name: 'demo', namespace: 'demo' }, spec }) as PlainManifest;
const entry = (manifest: PlainManifest): TreeEntry => ({ file: 'x.yaml', manifest });

describe('pods', () => {
  it('finds the pod template of every workload kind, with its replicas and lifetime', () => {
    const found = (m: PlainManifest) =>
      podTemplates(m).map(({ path, replicas, transient }) => ({ path, replicas, transient }));
    expect(found(object('Deployment', { replicas: 3, template: pod }))).toEqual([
      { path: 'spec.template.spec', replicas: 3, transient: false },
    ]);
    expect(found(object('DaemonSet', { replicas: 3, template: pod }))).toEqual([
      { path: 'spec.template.spec', replicas: 1, transient: false },
    ]);
    expect(found(object('CronJob', { jobTemplate: { spec: { parallelism: 2, template: pod } } }))).toEqual([
      { path: 'spec.jobTemplate.spec.template.spec', replicas: 2, transient: true },
    ]);
    expect(found(object('Pod', pod.spec))).toEqual([{ path: 'spec', replicas: 1, transient: false }]);
    expect(found(object('Service', { template: pod }))).toEqual([]);
  });
  it('lists containers with where they sit, init containers first', () => {
    const spec = { initContainers: [{ name: 'i' }], containers: [{ name: 'c' }] };
    expect(containersOf(spec).map((c) => c.path)).toEqual(['initContainers[0]', 'containers[0]']);
  });
  it('knows the pods of a rendered workload and of a CNPG cluster', () => {
    const pods = renderedPods([
      entry(object('Rollout', { template: pod }, 'argoproj.io/v1alpha1')),
      entry(object('Cluster', {}, 'postgresql.cnpg.io/v1')),
    ]);
    expect(pods.map((p) => [p.labels, [...p.ports.keys()]])).toEqual([
      [{ app: 'demo' }, ['http']],
      [{ 'cnpg.io/cluster': 'demo' }, ['postgresql', 'status', 'metrics']],
    ]);
  });
});
