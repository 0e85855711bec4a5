import { describe, expect, it } from 'vitest';
import { checkTree, rules } from '../../src/rules/index.js';
import type { Rule, TreeEntry } from '../../src/rules/rule.js';
import {
  application,
  certificate,
  entry,
  ingress,
  namespace,
  pod,
  project,
  rollout,
  service,
} from './fixtures.js';

const run = (rule: Rule, entries: TreeEntry[]) =>
  checkTree(entries, [rule]).map((p) => `${p.path}: ${p.message}`);
const rule = (id: string) => rules.find((r) => r.id === id)!;

describe('rules catalogue', () => {
  it('has unique kebab-case ids and a one-sentence doc each', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.doc).toMatch(/\.$/);
    }
  });
});

describe('service-selects-pods', () => {
  const r = rule('service-selects-pods');
  it('passes when the selector matches a pod template with the named port', () => {
    expect(run(r, [rollout(), service()])).toEqual([]);
  });
  it('fails when nothing is selected', () => {
    expect(run(r, [rollout(), service('demo', { app: 'other' })])).toEqual([
      'Service demo/demo: spec.selector: selects no pods rendered in namespace demo ({"app":"other"}) [service-selects-pods]',
    ]);
  });
  it('fails when the target port name does not exist', () => {
    expect(run(r, [rollout(), service('demo', { app: 'demo' }, 'web')])).toEqual([
      'Service demo/demo: spec.ports[http].targetPort: names port "web", which no selected pod declares [service-selects-pods]',
    ]);
  });
});

describe('monitors-match-targets', () => {
  const r = rule('monitors-match-targets');
  const monitor = (port: string, labels = { app: 'demo' }) =>
    entry('workloads/demo/servicemonitor-demo.yaml', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'demo', namespace: 'demo' },
      spec: { selector: { matchLabels: labels }, endpoints: [{ port }] },
    });
  it('passes when a Service with that port name is selected', () => {
    expect(run(r, [service(), monitor('http')])).toEqual([]);
  });
  it('fails on a port name the Service lacks, and on no Service', () => {
    expect(run(r, [service(), monitor('metrics')])).toHaveLength(1);
    expect(run(r, [service(), monitor('http', { app: 'x' })])).toHaveLength(1);
  });
  it('knows the Service the Keycloak operator creates', () => {
    const kc = entry('k', {
      apiVersion: 'k8s.keycloak.org/v2beta1',
      kind: 'Keycloak',
      metadata: { name: 'keycloak', namespace: 'keycloak' },
    });
    const kcMonitor = (port: string) =>
      entry('m', {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: { name: 'keycloak', namespace: 'keycloak' },
        spec: {
          selector: { matchLabels: { 'app.kubernetes.io/instance': 'keycloak' } },
          endpoints: [{ port }],
        },
      });
    expect(run(r, [kc, kcMonitor('management')])).toEqual([]);
    expect(run(r, [kc, kcMonitor('metrics')])).toHaveLength(1);
    expect(run(r, [kcMonitor('management')])).toHaveLength(1);
  });
  it('knows CNPG pods and their metrics port', () => {
    const cluster = entry('x', {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'demo-pg', namespace: 'demo' },
    });
    const podMonitor = (port: string) =>
      entry('y', {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { name: 'demo-pg', namespace: 'demo' },
        spec: {
          selector: { matchLabels: { 'cnpg.io/cluster': 'demo-pg' } },
          podMetricsEndpoints: [{ port }],
        },
      });
    expect(run(r, [cluster, podMonitor('metrics')])).toEqual([]);
    expect(run(r, [cluster, podMonitor('prom')])).toHaveLength(1);
  });
});

describe('rollout-references', () => {
  const r = rule('rollout-references');
  const template = entry('t', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name: 'demo-success-rate', namespace: 'demo' },
  });
  const canary = {
    analysis: { templates: [{ templateName: 'demo-success-rate' }] },
    canaryService: 'demo-canary',
  };
  it('passes when the template and services exist', () => {
    expect(run(r, [rollout(canary), template, service('demo-canary')])).toEqual([]);
  });
  it('names each missing reference', () => {
    expect(run(r, [rollout(canary)])).toEqual([
      'Rollout demo/demo: spec.strategy.canary.analysis.templates[0]: AnalysisTemplate "demo-success-rate" is not rendered in demo [rollout-references]',
      'Rollout demo/demo: spec.strategy.canary.canaryService: Service "demo-canary" is not rendered in demo [rollout-references]',
    ]);
  });
});

describe('tls-matches-routes', () => {
  const r = rule('tls-matches-routes');
  it('passes when a Certificate issues the secret for the routed host', () => {
    expect(run(r, [certificate(), ingress()])).toEqual([]);
    expect(run(r, [certificate(['*.demo.dev']), ingress()])).toEqual([]);
  });
  it('fails on a missing Certificate and on an uncovered host', () => {
    expect(run(r, [ingress()])[0]).toContain('which no rendered Certificate in demo issues');
    expect(run(r, [certificate(['demo.dev']), ingress()])[0]).toContain(
      'routes api.demo.dev, but Certificate demo-tls only covers demo.dev',
    );
  });
  it('reads IngressRoute hosts and tls', () => {
    const route = entry('r', {
      apiVersion: 'traefik.io/v1alpha1',
      kind: 'IngressRoute',
      metadata: { name: 'demo', namespace: 'demo' },
      spec: {
        routes: [{ match: 'Host(`api.demo.dev`) || Host(`www.demo.dev`)' }],
        tls: { secretName: 'demo-tls' },
      },
    });
    expect(run(r, [certificate(), route])).toEqual([
      'IngressRoute demo/demo: tls: routes www.demo.dev, but Certificate demo-tls only covers api.demo.dev [tls-matches-routes]',
    ]);
  });
});

describe('hosts-unique', () => {
  const r = rule('hosts-unique');
  it('fails when two apps route the same host', () => {
    expect(run(r, [ingress('api.demo.dev', 'x', 'a', 'a'), ingress('api.demo.dev', 'y', 'b', 'b')])).toEqual([
      'Ingress b/b: api.demo.dev: host api.demo.dev is already routed by Ingress a/a [hosts-unique]',
    ]);
    expect(run(r, [ingress('api.a.dev', 'x', 'a', 'a'), ingress('api.b.dev', 'y', 'b', 'b')])).toEqual([]);
  });
});

describe('namespaces-exist', () => {
  const r = rule('namespaces-exist');
  it('accepts rendered namespaces, CreateNamespace destinations and bootstrap namespaces', () => {
    expect(run(r, [namespace(), service()])).toEqual([]);
    expect(run(r, [application('demo', { options: ['CreateNamespace=true'] }), service()])).toEqual([]);
    expect(
      run(r, [
        entry('x', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'monitoring' } }),
      ]),
    ).toEqual([]);
  });
  it('fails on a namespace nothing creates', () => {
    expect(run(r, [service()])).toEqual([
      'Service demo/demo: metadata.namespace: namespace demo is never created [namespaces-exist]',
    ]);
  });
});

describe('projects-contain-apps', () => {
  const r = rule('projects-contain-apps');
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
});

describe('waves-ordered', () => {
  const r = rule('waves-ordered');
  const pg = entry('workloads/demo/cluster-demo-pg.yaml', {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: 'demo-pg', namespace: 'demo' },
  });
  it('passes when the operator comes first', () => {
    expect(
      run(r, [
        application('cnpg-operator', { wave: -5, path: 'platform/cnpg-operator' }),
        application('demo', { wave: 10 }),
        pg,
      ]),
    ).toEqual([]);
  });
  it('fails when a CR user syncs with or before its operator, or without it', () => {
    expect(
      run(r, [
        application('cnpg-operator', { wave: 10, path: 'platform/cnpg-operator' }),
        application('demo', { wave: 10 }),
        pg,
      ])[0],
    ).toContain('wave 10 does not come after cnpg-operator (wave 10)');
    expect(run(r, [application('demo', { wave: 10 }), pg])[0]).toContain(
      'no cnpg-operator Application is rendered',
    );
  });
});

describe('policy rules', () => {
  it('no-plaintext-secrets rejects any Secret', () => {
    const secret = entry('s', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'demo' },
      stringData: { a: 'b' },
    });
    expect(run(rule('no-plaintext-secrets'), [secret])).toHaveLength(1);
    expect(run(rule('no-plaintext-secrets'), [service()])).toEqual([]);
  });
  it('pinned-images rejects latest and untagged images, accepts tags, digests and registry ports', () => {
    const withImage = (image: string) => {
      const p = pod();
      (p.spec.containers[0] as { image: string }).image = image;
      return rollout({}, p);
    };
    expect(run(rule('pinned-images'), [withImage('ghcr.io/acme/demo:latest')])).toHaveLength(1);
    expect(run(rule('pinned-images'), [withImage('ghcr.io/acme/demo')])).toHaveLength(1);
    expect(run(rule('pinned-images'), [withImage('registry:5000/acme/demo')])).toHaveLength(1);
    expect(run(rule('pinned-images'), [withImage(`ghcr.io/acme/demo@sha256:${'a'.repeat(64)}`)])).toEqual([]);
    expect(run(rule('pinned-images'), [withImage('registry:5000/acme/demo:sha-1')])).toEqual([]);
  });
  it('pod-security-restricted names each missing setting', () => {
    expect(run(rule('pod-security-restricted'), [rollout()])).toEqual([]);
    const loose = pod({ securityContext: {} });
    (loose.spec.containers[0] as Record<string, unknown>).securityContext = {};
    (loose.spec.containers[0] as Record<string, unknown>).resources = {};
    expect(
      run(rule('pod-security-restricted'), [rollout({}, loose)]).map((p) =>
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
});

describe('projects-contain-apps: kind lists', () => {
  const r = rule('projects-contain-apps');
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

describe('rules README', () => {
  it('documents every rule with its exact doc line', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../src/rules/README.md', import.meta.url), 'utf8');
    for (const r of rules) expect(readme).toContain(`| \`${r.id}\` | ${r.doc} |`);
  });
});
