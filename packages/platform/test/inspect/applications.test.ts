import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applications, syncedBy, syncingApplications, syncs } from '../../src/inspect/applications.js';
import type { TreeEntry } from '../../src/inspect/objects.js';

const app = (name: string, source: Record<string, unknown>): TreeEntry => ({
  file: `apps/${name}.yaml`,
  manifest: {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd', annotations: { 'argocd.argoproj.io/sync-wave': '-5' } },
    spec: { project: 'platform', destination: { namespace: name }, source },
  } as TreeEntry['manifest'],
});
const file = (path: string): TreeEntry => ({
  file: path,
  manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
});

describe('applications', () => {
  const entries = [
    app('demo', { repoURL: 'https://github.com/acme/gitops.git', path: 'gitops/workloads/demo/' }),
    app('chart', { repoURL: 'https://charts.example.com', chart: 'x' }),
    file('workloads/demo/configmap-x.yaml'),
    file('workloads/demo/database/cluster-x.yaml'),
  ];
  it('reads name, project, wave, repositories and the tree folders each syncs', () => {
    expect(
      applications(entries).map(({ name, project, namespace, wave, repoURLs, folders }) => ({
        name,
        project,
        namespace,
        wave,
        repoURLs,
        folders,
      })),
    ).toEqual([
      {
        name: 'demo',
        project: 'platform',
        namespace: 'demo',
        wave: -5,
        repoURLs: ['https://github.com/acme/gitops.git'],
        folders: ['workloads/demo'],
      },
      {
        name: 'chart',
        project: 'platform',
        namespace: 'chart',
        wave: -5,
        repoURLs: ['https://charts.example.com'],
        folders: [],
      },
    ]);
  });
  it('says which Application syncs a file: only files directly in its folders', () => {
    const apps = applications(entries);
    expect(syncedBy(apps[0]!, entries).map((e) => e.file)).toEqual(['workloads/demo/configmap-x.yaml']);
    expect(syncingApplications(apps, 'workloads/demo/configmap-x.yaml').map((a) => a.name)).toEqual(['demo']);
    expect(syncingApplications(apps, 'workloads/demo/database/cluster-x.yaml')).toEqual([]);
  });
  it('looks up by folder exactly what filtering every file through `syncs` finds, in tree order', () => {
    const segment = fc.constantFrom('a', 'b', 'a/b', 'b/a/c');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(segment, fc.constantFrom('x.yaml', 'y.yaml')), { maxLength: 12 }),
        fc.array(segment, { maxLength: 3 }),
        (files, folders) => {
          const tree = [
            app('multi', { repoURL: 'r', path: 'gitops/unused' }),
            ...files.map(([dir, name]) => file(`${dir}/${name}`)),
          ];
          const [multi] = applications(tree);
          const info = { ...multi!, folders };
          expect(syncedBy(info, tree)).toEqual(tree.filter((e) => syncs(info, e.file)));
        },
      ),
    );
  });
});
