import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prerequisite } from '../../../testing/prerequisites.js';
import { formatValuesPath, unknownValuesKeys, unsizedResources } from '../src/catalog/chart-values.js';
import type { HelmChartPin } from '../src/catalog/versions.js';
import type { ChartComponent } from '../src/components/component.js';
import { helmReleases } from '../src/components/lookups.js';
import { COMPONENTS } from '../src/components/registry.js';
import { cluster } from './platform-cluster.js';

describe('unknownValuesKeys', () => {
  const defaults = {
    replicaCount: 1,
    resources: {},
    image: { tag: '' },
    extraArgs: [],
    configs: { params: { create: true } },
  };

  it('accepts keys the defaults have, and lists the ones they do not', () => {
    expect(
      unknownValuesKeys({ replicaCount: 2, image: { tag: 'v1', digest: 'x' }, replica: 1 }, defaults),
    ).toEqual(['image.digest', 'replica']);
  });

  it('does not look into resource maps or lists, which are Kubernetes fields, not chart keys', () => {
    expect(
      unknownValuesKeys({ resources: { requests: { cpu: '1' } }, extraArgs: ['--a'] }, defaults),
    ).toEqual([]);
  });

  it('still requires a free-form map itself to exist in the defaults', () => {
    expect(unknownValuesKeys({ image: { resources: { limits: {} } } }, defaults)).toEqual([
      'image.resources',
    ]);
  });

  it('accepts only the free-form maps and subchart keys the policy names', () => {
    const values = { configs: { params: { 'server.insecure': true } }, grafana: { resources: {} } };
    expect(unknownValuesKeys(values, defaults)).toEqual(['configs.params["server.insecure"]', 'grafana']);
    expect(
      unknownValuesKeys(values, defaults, { freeForm: ['configs.params'], subchartKeys: ['grafana'] }),
    ).toEqual([]);
  });

  it('formats keys containing dots unambiguously', () => {
    expect(formatValuesPath(['configs', 'cm', 'resource.customizations'])).toBe(
      'configs.cm["resource.customizations"]',
    );
  });
});

describe('unsizedResources', () => {
  const defaults = { resources: {}, webhook: { resources: {} }, dashboard: { resources: {} } };
  const sized = { requests: { cpu: '1m', memory: '1Mi' }, limits: { cpu: '1m', memory: '1Mi' } };

  it('lists every resources map of the chart without CPU and memory requests and limits', () => {
    expect(
      unsizedResources({ resources: sized, webhook: { resources: { requests: sized.requests } } }, defaults),
    ).toEqual(['dashboard.resources', 'webhook.resources']);
  });

  it('skips components the policy says are off, and checks named subchart maps too', () => {
    const policy = { unusedResources: ['dashboard.resources'], subchartKeys: ['grafana.resources'] };
    expect(unsizedResources({ resources: sized, webhook: { resources: sized } }, defaults, policy)).toEqual([
      'grafana.resources',
    ]);
  });
});

/** The pinned charts' default values (and schemas), from the one setting CI points at ../shared. */
const chartsDir = process.env.ULTRON_CHARTS_DIR;
const skipReason = 'ULTRON_CHARTS_DIR is not set: no pinned chart defaults to check the values against';
const canRun = prerequisite('chart values tests', chartsDir ? null : skipReason);

function chartDefaults(pin: HelmChartPin): unknown {
  const file = join(chartsDir!, pin.chart, pin.version, 'values.yaml');
  if (!existsSync(file))
    throw new Error(`${file} is missing: ULTRON_CHARTS_DIR must hold ${pin.chart} ${pin.version}`);
  return parse(readFileSync(file, 'utf8'));
}

describe.skipIf(!canRun)('every Helm value the platform sets exists in that pinned chart version', () => {
  const releases = helmReleases(cluster).map((r) => [`${r.chart.chart} ${r.chart.version}`, r] as const);

  it.each(releases)('%s: every key is a chart key', (_, release) => {
    expect(unknownValuesKeys(release.values, chartDefaults(release.chart), release.policy)).toEqual([]);
  });

  it.each(releases)('%s: every container the chart runs has requests and limits', (_, release) => {
    expect(unsizedResources(release.values, chartDefaults(release.chart), release.policy)).toEqual([]);
  });

  const argoCdCharts = COMPONENTS.filter((c): c is ChartComponent => c.install === 'argocd' && !!c.chart).map(
    (c) => [`${c.chart.pin.chart} ${c.chart.pin.version} (apps/${c.name})`, c.chart] as const,
  );

  it.each(argoCdCharts)('%s: every key is a chart key, every container sized', (_, chart) => {
    const defaults = chartDefaults(chart.pin);
    expect(unknownValuesKeys(chart.values(cluster), defaults, chart.policy)).toEqual([]);
    expect(unsizedResources(chart.values(cluster), defaults, chart.policy)).toEqual([]);
  });

  it('catches a misspelt key against the real defaults (the check can fail)', () => {
    const [certManager] = helmReleases(cluster);
    const typo = { ...certManager!.values, webhook: { replicas: 1 } };
    expect(unknownValuesKeys(typo, chartDefaults(certManager!.chart), certManager!.policy)).toEqual([
      'webhook.replicas',
    ]);
  });
});
