import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WAVES } from '../../src/argocd/application.js';
import { bootstrapPlan } from '../../src/components/bootstrap/plan.js';
import { bootstrap, buildBootstrap } from '../../src/components/bootstrap/slice.js';
import { chartSlice } from '../../src/components/chart-component.js';
import type { Component, HelmBootstrapComponent } from '../../src/components/component.js';
import { crdProviders, helmReleases, platformDestinations } from '../../src/components/lookups.js';
import { platformProject } from '../../src/components/projects/platform-project.js';
import { COMPONENTS } from '../../src/components/registry.js';
import { reservedNames } from '../../src/conventions/reserved.js';
import { renderSlice } from '../../src/render/index.js';
import { operatorServices } from '../../src/rules/operator-services.js';
import { cluster } from '../platform-cluster.js';
import { VAULT_OPERATOR_COMPONENT } from './vault-operator/component.js';

/** The bootstrap slice (same owned paths) over another registry. */
const renderBootstrap = (registry: readonly Component[]) =>
  renderSlice({ ...bootstrap(cluster), build: () => buildBootstrap(cluster, registry) }, 'bootstrap').files;

/** The real registry plus the one line a contributor adds. */
const withVault: readonly Component[] = [...COMPONENTS, VAULT_OPERATOR_COMPONENT];

describe('adding a component is one folder plus one registry line', () => {
  it('takes one file in one folder', () => {
    expect(readdirSync(join(import.meta.dirname, 'vault-operator'))).toEqual(['component.ts']);
  });

  it('the platform AppProject may pull its chart and deploy into its namespace', () => {
    const before = platformProject(cluster).spec!;
    const after = platformProject(cluster, withVault).spec!;
    expect(before.sourceRepos).not.toContain('https://kubernetes-charts.banzaicloud.com');
    expect(after.sourceRepos).toEqual(
      [...before.sourceRepos!, 'https://kubernetes-charts.banzaicloud.com'].sort(),
    );
    expect(after.destinations?.map((d) => d.namespace)).toEqual(platformDestinations(cluster, withVault));
    expect(platformDestinations(cluster, withVault)).toContain('vault');
  });

  it('the waves rule knows it installs its CRDs', () => {
    expect(crdProviders(COMPONENTS)['vault.banzaicloud.com']).toBeUndefined();
    expect(crdProviders(withVault)['vault.banzaicloud.com']).toBe('vault-operator');
  });

  it('the Services its operator creates are visible to the rules', () => {
    const vault = {
      apiVersion: 'vault.banzaicloud.com/v1alpha1',
      kind: 'Vault',
      metadata: { name: 'vault', namespace: 'vault' },
    };
    const entries = [{ file: 'platform/vault/vault.yaml', manifest: vault }];
    expect(operatorServices(entries, COMPONENTS)).toEqual([]);
    expect(operatorServices(entries, withVault)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'vault', namespace: 'vault', labels: { app: 'vault', vault_cr: 'vault' } },
        spec: {
          ports: [
            { name: 'api-port', port: 8200 },
            { name: 'metrics', port: 9091 },
          ],
        },
      },
    ]);
  });

  it('the bootstrap renders its namespace (Pod Security, default-deny, its allows) for Argo CD to sync first', () => {
    const files = renderBootstrap(withVault);
    const namespaceFile = files.get('platform/namespaces/vault.yaml');
    expect(namespaceFile).toContain('kind: Namespace');
    expect(namespaceFile).toContain('pod-security.kubernetes.io/enforce: restricted');
    expect(namespaceFile).toContain('name: vault-operator-kubernetes-api');
    expect(files.get('apps/platform-project.yaml')).toMatch(
      /- server: https:\/\/kubernetes.default.svc\n\s+namespace: vault\n/,
    );
    // Everything else the bootstrap renders is unchanged.
    const before = renderBootstrap(COMPONENTS);
    const changed = [...files.keys()].filter((f) => files.get(f) !== before.get(f));
    expect(changed.sort()).toEqual(['apps/platform-project.yaml', 'platform/namespaces/vault.yaml']);
  });

  it('its reserved name keeps apps from taking it', () => {
    expect(reservedNames(COMPONENTS).has('vault-operator')).toBe(false);
    expect(reservedNames(withVault).get('vault-operator')).toBe('the platform component vault-operator');
  });

  it('its Application comes from the declaration alone', () => {
    const files = renderSlice(chartSlice(VAULT_OPERATOR_COMPONENT, cluster), 'apps/vault-operator').files;
    const app = files.get('apps/vault-operator.yaml')!;
    expect(app).toContain('chart: vault-operator');
    expect(app).toContain('namespace: vault');
    expect(app).toContain(`argocd.argoproj.io/sync-wave: '${WAVES.operators}'`);
  });

  it('declared for the Helm bootstrap instead, it is a numbered step of the plan and a values file', () => {
    const { chart } = VAULT_OPERATOR_COMPONENT;
    const bootstrapped: HelmBootstrapComponent = {
      ...VAULT_OPERATOR_COMPONENT,
      install: 'helm-bootstrap',
      release: () => ({
        release: 'vault-operator',
        namespace: 'vault',
        chart: chart.pin,
        values: chart.values(),
        timeout: '5m',
        why: 'after Argo CD: nothing in the bootstrap needs it',
        policy: chart.policy,
      }),
    };
    const registry = [...COMPONENTS, bootstrapped];
    const steps = bootstrapPlan(cluster, registry).steps.map((s) => s.id);
    expect(steps.slice(-3)).toEqual(['vault-operator', 'repo-credential', 'root-app']);
    expect(helmReleases(cluster, registry).at(-1)?.release).toBe('vault-operator');
    const files = renderBootstrap(registry);
    expect(files.get('bootstrap/helm/07-vault-operator.values.yaml')).toContain('replicaCount: 1');
    // Applied by the bootstrap before the Helm releases, no longer by Argo CD.
    expect(files.get('bootstrap/namespaces.yaml')).toContain('name: vault-operator-kubernetes-api');
    expect(files.has('platform/namespaces/vault.yaml')).toBe(false);
  });
});

describe('the registry', () => {
  it('names each component once', () => {
    const names = COMPONENTS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives each CRD group Argo CD syncs one provider', () => {
    const groups = COMPONENTS.flatMap((c) => (c.install === 'argocd' ? c.crdGroups : []));
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('gives each namespace at most one policy', () => {
    const led = COMPONENTS.flatMap((c) => (c.namespacePolicy ? [c.namespace] : []));
    expect(new Set(led).size).toBe(led.length);
  });

  it('leaves no component in a namespace nobody renders, except what k3s runs in kube-system', () => {
    const led = new Set(COMPONENTS.flatMap((c) => (c.namespacePolicy ? [c.namespace] : [])));
    const unled = COMPONENTS.filter((c) => !led.has(c.namespace)).map((c) => c.name);
    expect(unled).toEqual(['traefik']);
  });
});
