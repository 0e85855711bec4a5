import { describe, expect, it } from 'vitest';
import { application, entry, namespace, project, service } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('projects-contain-apps');

describe('projects-contain-apps', () => {
  itChecksFixtures(r);
  it('passes for an app confined to its namespace', () => {
    expect(
      run(r, [
        project('demo', ['demo'], [{ group: '', kind: 'Namespace' }]),
        application('demo'),
        service(),
        namespace(),
      ]),
    ).toEqual([]);
  });
  it('fails when an app syncs into another namespace or a cluster-scoped kind its project does not allow', () => {
    const foreign = entry('workloads/demo/configmap-x.yaml', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x', namespace: 'kube-system' },
    });
    const problems = run(r, [project('demo', ['demo']), application('demo'), foreign, namespace()]);
    expect(problems).toEqual([
      'ConfigMap kube-system/x: is synced by demo into kube-system, outside project demo (demo) [projects-contain-apps]',
      'Namespace demo: is cluster-scoped, and project demo does not allow Namespace [projects-contain-apps]',
    ]);
  });
  it('fails when the project is missing or excludes the destination', () => {
    expect(run(r, [application('demo')])).toHaveLength(1);
    expect(run(r, [project('demo', ['other']), application('demo')])[0]).toContain(
      'namespace demo is outside project demo',
    );
  });
  it('enforces a namespace resource whitelist and blacklist', () => {
    const limited = entry('apps/realms.yaml', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'demo', namespace: 'argocd' },
      spec: {
        sourceRepos: ['https://github.com/acme/gitops.git'],
        destinations: [{ namespace: 'demo' }],
        namespaceResourceWhitelist: [{ group: '', kind: 'ConfigMap' }],
        namespaceResourceBlacklist: [{ group: '', kind: 'Service' }],
      },
    });
    const cm = entry('workloads/demo/configmap-x.yaml', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x', namespace: 'demo' },
    });
    expect(run(r, [limited, application('demo'), cm])).toEqual([]);
    expect(run(r, [limited, application('demo'), cm, service()])).toEqual([
      'Service demo/demo: is a kind project demo does not allow [projects-contain-apps]',
    ]);
  });
});
