import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prerequisite } from '../../../testing/prerequisites.js';
import { k3s } from '../src/catalog/versions.js';
import { traefikConfig, traefikValues } from '../src/components/traefik/helm-chart-config.js';
import { cluster } from './platform-cluster.js';

describe('the bundled Traefik tuning', () => {
  const config = traefikConfig(cluster);
  const values = parse(config.spec.valuesContent) as ReturnType<typeof traefikValues>;

  it('is a k3s HelmChartConfig for the traefik chart in kube-system', () => {
    expect(config).toMatchObject({
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChartConfig',
      metadata: { name: 'traefik', namespace: 'kube-system' },
    });
    expect(values).toEqual(traefikValues(cluster));
  });

  it('redirects HTTP to HTTPS, keeps client IPs and is scraped by the platform Prometheus', () => {
    expect(values).toMatchObject({
      ports: {
        web: {
          http: { redirections: { entryPoint: { to: 'websecure', scheme: 'https', permanent: true } } },
        },
      },
      service: { spec: { externalTrafficPolicy: 'Local' } },
      metrics: {
        prometheus: {
          service: { enabled: true },
          serviceMonitor: { enabled: true, additionalLabels: { release: 'kube-prom-stack' } },
        },
      },
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } },
    });
  });
});

const chartsDir = process.env.ULTRON_CHARTS_DIR;
const schemaFile = chartsDir && join(chartsDir, 'traefik', k3s.bundledTraefikChart, 'values.schema.json');
const canRun = prerequisite('Traefik values schema test', chartsDir ? null : 'ULTRON_CHARTS_DIR is not set');

describe.skipIf(!canRun)(
  `Traefik values against the chart ${k3s.bundledTraefikChart} values.schema.json`,
  () => {
    const validate = () => {
      if (!existsSync(schemaFile!)) throw new Error(`${schemaFile} is missing`);
      return new Ajv2020({ strict: false, allErrors: true }).compile(
        JSON.parse(readFileSync(schemaFile!, 'utf8')),
      );
    };

    it('validates the valuesContent k3s will merge', () => {
      const check = validate();
      const ok = check(parse(traefikConfig(cluster).spec.valuesContent));
      expect(ok ? [] : check.errors).toEqual([]);
    });

    it('rejects a value the chart does not accept (the check can fail)', () => {
      const check = validate();
      expect(check({ ...traefikValues(cluster), ports: { web: { redirectTo: 'websecure' } } })).toBe(false);
      expect(check({ ...traefikValues(cluster), logs: { access: { format: 'xml' } } })).toBe(false);
    });
  },
);
