import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charts, k3s, manifests } from '../src/catalog/versions.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

describe('the version catalog holds every pin of SPEC.md, exactly', () => {
  it('pins the bootstrap and operator charts with their repositories', () => {
    expect(charts).toEqual({
      certManager: {
        repo: 'https://charts.jetstack.io',
        chart: 'cert-manager',
        version: 'v1.20.2',
        appVersion: 'v1.20.2',
      },
      kubePrometheusStack: {
        repo: 'https://prometheus-community.github.io/helm-charts',
        chart: 'kube-prometheus-stack',
        version: '86.2.3',
        appVersion: 'v0.91.0',
      },
      argoCd: {
        repo: 'https://argoproj.github.io/argo-helm',
        chart: 'argo-cd',
        version: '9.5.21',
        appVersion: 'v3.4.3',
      },
      argoRollouts: {
        repo: 'https://argoproj.github.io/argo-helm',
        chart: 'argo-rollouts',
        version: '2.41.0',
        appVersion: 'v1.9.0',
      },
      argoWorkflows: {
        repo: 'https://argoproj.github.io/argo-helm',
        chart: 'argo-workflows',
        version: '1.0.15',
        appVersion: 'v4.0.6',
      },
      argoEvents: {
        repo: 'https://argoproj.github.io/argo-helm',
        chart: 'argo-events',
        version: '2.4.21',
        appVersion: 'v1.9.10',
      },
      cloudnativePg: {
        repo: 'https://cloudnative-pg.github.io/charts',
        chart: 'cloudnative-pg',
        version: '0.28.3',
        appVersion: '1.29.1',
      },
      // Plugin v0.13.0 is the newest release that supports CNPG 1.29 (from v0.16 it needs CNPG ≥ 1.30).
      barmanCloudPlugin: {
        repo: 'https://cloudnative-pg.github.io/charts',
        chart: 'plugin-barman-cloud',
        version: '0.7.0',
        appVersion: 'v0.13.0',
      },
      externalSecrets: {
        repo: 'https://charts.external-secrets.io',
        chart: 'external-secrets',
        version: '2.9.0',
        appVersion: 'v2.9.0',
      },
    });
  });

  it('pins the Keycloak operator manifests to a tag, never a branch', () => {
    expect(manifests.keycloakOperator).toEqual({
      repo: 'https://github.com/keycloak/keycloak-k8s-resources',
      version: '26.6.3',
      path: 'kubernetes',
    });
  });

  it('pins k3s to a release whose bundled Traefik chart the HelmChartConfig is checked against', () => {
    expect(k3s.version).toMatch(/^v1\.\d+\.\d+\+k3s\d+$/);
    expect(k3s.bundledTraefikChart).toBe('39.0.7');
  });
});

describe('Renovate sees every pin', () => {
  const renovate = JSON.parse(readFileSync(join(repoRoot, 'renovate.json'), 'utf8')) as {
    ignorePaths: string[];
    customManagers: { managerFilePatterns: string[]; matchStrings: string[] }[];
    packageRules: { matchDepNames?: string[]; groupName?: string; allowedVersions?: string }[];
  };
  const manager = renovate.customManagers[0]!;
  const files = manager.managerFilePatterns.map((p) => new RegExp(p.replace(/^\/|\/$/g, '')));
  /** Every dependency Renovate's regex manager extracts from a file, as Renovate would (one regex, global). */
  const extract = (file: string) => {
    expect(files.some((f) => f.test(file))).toBe(true);
    const source = readFileSync(join(repoRoot, file), 'utf8');
    return [...source.matchAll(new RegExp(manager.matchStrings[0]!, 'g'))].map((m) =>
      Object.fromEntries(Object.entries(m.groups ?? {}).filter(([, v]) => v !== undefined)),
    );
  };
  const catalogFile = 'packages/platform/src/catalog/versions.ts';
  const found = extract(catalogFile);
  const pick = (o: Record<string, string>) => ({
    datasource: o.datasource,
    depName: o.depName,
    currentValue: o.currentValue,
    ...(o.registryUrl ? { registryUrl: o.registryUrl } : {}),
  });

  it('ignores the rendered tree', () => {
    expect(renovate.ignorePaths).toContain('gitops/**');
  });

  it('extracts every chart version and every appVersion of the catalog, with their datasources', () => {
    const expected = [
      ...Object.values(charts).flatMap((c) => [
        { datasource: 'helm', registryUrl: c.repo, depName: c.chart, currentValue: c.version },
        expect.objectContaining({ datasource: 'github-releases', currentValue: c.appVersion }),
      ]),
      {
        datasource: 'github-tags',
        depName: 'keycloak/keycloak-k8s-resources',
        currentValue: manifests.keycloakOperator.version,
      },
      { datasource: 'github-releases', depName: 'k3s-io/k3s', currentValue: k3s.version },
    ];
    expect(found.map(pick)).toEqual(expected);
  });

  it('leaves no `version:` or `appVersion:` line of the catalog without its renovate comment', () => {
    const source = readFileSync(join(repoRoot, catalogFile), 'utf8');
    const pins = source.split('\n').filter((l) => /^\s*(version|appVersion): '/.test(l));
    // One extracted dependency per pin line: the Keycloak manifests' and k3s's `version:` included.
    expect(pins).toHaveLength(found.length);
    expect(found.map((f) => f.currentValue).sort()).toEqual(pins.map((l) => /'([^']+)'/.exec(l)![1]).sort());
  });

  it('sees the CRD refs k3s bundles (the rest of conformance/sources.ts derives from the catalog)', () => {
    const refs = extract('packages/platform/src/conformance/sources.ts');
    expect(refs.map(pick)).toEqual([
      { datasource: 'github-tags', depName: 'k3s-io/helm-controller', currentValue: 'v0.17.7' },
    ]);
    const source = readFileSync(join(repoRoot, 'packages/platform/src/conformance/sources.ts'), 'utf8');
    // No other literal ref: every other URL is built from a pin of the catalog.
    expect(source.match(/'v\d+\.\d+\.\d+'/g)).toEqual(["'v0.17.7'"]);
  });

  it('sees the build images of the app-repo template', () => {
    expect(extract('packages/cli/src/lib/scaffold/app-repo.ts').map(pick)).toEqual([
      { datasource: 'docker', depName: 'golang', currentValue: '1.25' },
      { datasource: 'docker', depName: 'migrate/migrate', currentValue: 'v4.18.3' },
    ]);
  });

  it('groups each chart with the application version it ships, and holds the plugin below v0.16', () => {
    for (const c of Object.values(charts)) {
      const app = found.find((f) => f.currentValue === c.appVersion && f.datasource === 'github-releases')!;
      const rule = renovate.packageRules.find((r) => r.groupName && r.matchDepNames?.includes(c.chart));
      expect(rule?.matchDepNames).toContain(app.depName);
    }
    const plugin = renovate.packageRules.find(
      (r) => r.matchDepNames?.includes('cloudnative-pg/plugin-barman-cloud') && r.allowedVersions,
    );
    expect(plugin?.allowedVersions).toBe('<0.16.0');
  });

  it('extracts the CNPG appVersion without the tag’s "v" (its tags are v-prefixed, the pin is not)', () => {
    const cnpg = found.find((f) => f.depName === 'cloudnative-pg/cloudnative-pg')!;
    expect(cnpg.extractVersion).toBe('^v(?<version>.+)$');
    expect(new RegExp(cnpg.extractVersion!).exec('v1.29.1')?.groups?.version).toBe(
      charts.cloudnativePg.appVersion,
    );
  });
});
