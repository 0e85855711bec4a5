import { appNames, commonLabels, GRAFANA_DASHBOARD_LABEL } from '@ultron/platform/core';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { Workload } from '../../definition/schema.js';
import { dashboardQueries } from './queries.js';

/** The dashboard JSON: fixed uid and ids (no hashes), so renders are byte-identical. */
export function dashboardJson(w: Workload): string {
  const dashboard = {
    uid: `ultron-${w.name}`.slice(0, 40),
    title: `${w.name} API`,
    tags: ['ultron', w.name],
    timezone: 'utc',
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    refresh: '30s',
    panels: dashboardQueries(w).map((p, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: p.title,
      datasource: { type: 'prometheus', uid: 'prometheus' },
      gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 },
      fieldConfig: { defaults: { unit: p.unit }, overrides: [] },
      targets: p.exprs.map(([legend, expr], j) => ({
        refId: String.fromCharCode(65 + j),
        expr,
        legendFormat: legend,
      })),
    })),
  };
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

/** A ConfigMap Grafana's dashboard sidecar picks up from any namespace by its label. */
export function dashboard(w: Workload): ConfigMap {
  const names = appNames(w.name);
  return new ConfigMap({
    metadata: {
      name: `${w.name}-dashboard`,
      namespace: names.namespace,
      labels: { ...commonLabels(w.name, 'dashboard'), ...GRAFANA_DASHBOARD_LABEL },
    },
    data: { [`${w.name}.json`]: dashboardJson(w) },
  });
}
