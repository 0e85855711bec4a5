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
  };
  const catalogFile = 'packages/platform/src/catalog/versions.ts';
  const source = readFileSync(join(repoRoot, catalogFile), 'utf8');
  const manager = renovate.customManagers[0]!;
  const found = [...source.matchAll(new RegExp(manager.matchStrings[0]!, 'g'))].map((m) => ({ ...m.groups }));

  it('points its regex manager at the catalog and ignores the rendered tree', () => {
    const pattern = manager.managerFilePatterns[0]!.replace(/^\/|\/$/g, '');
    expect(new RegExp(pattern).test(catalogFile)).toBe(true);
    expect(renovate.ignorePaths).toContain('gitops/**');
  });

  it('extracts each pin with its datasource and current value', () => {
    const expected = [
      ...Object.values(charts).map((c) => ({
        datasource: 'helm',
        registryUrl: c.repo,
        depName: c.chart,
        currentValue: c.version,
      })),
      {
        datasource: 'github-tags',
        depName: 'keycloak/keycloak-k8s-resources',
        currentValue: manifests.keycloakOperator.version,
      },
      { datasource: 'github-releases', depName: 'k3s-io/k3s', currentValue: k3s.version },
    ];
    const strip = (o: Record<string, string | undefined>) =>
      Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'versioning'));
    expect(found.map(strip)).toEqual(expected);
  });

  it('leaves no `version:` line of the catalog without its renovate comment', () => {
    const versionLines = source.split('\n').filter((l) => /^\s*version: '/.test(l));
    expect(versionLines).toHaveLength(found.length);
  });
});
