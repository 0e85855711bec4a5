import { application } from '../argocd/application.js';
import type { HelmChartPin } from '../catalog/versions.js';
import { commonLabels, PLATFORM_PROJECT } from '../conventions/names.js';

/** A platform component installed from its upstream Helm chart (an operator, a plugin). */
export interface ChartComponent {
  component: { name: string; namespace: string; wave: number };
  pin: HelmChartPin;
  releaseName: string;
  values: Record<string, unknown>;
}

/**
 * Its Argo CD Application: the pinned chart with the kit's values, server-side applied (operator CRDs are
 * beyond the client-side annotation limit). Its namespace is rendered with Pod Security labels and
 * default-deny by the platform-namespaces Application, a wave earlier, so Argo CD does not create it.
 */
export function chartApplication(c: ChartComponent) {
  return application({
    name: c.component.name,
    project: PLATFORM_PROJECT,
    namespace: c.component.namespace,
    wave: c.component.wave,
    sources: [
      {
        repoURL: c.pin.repo,
        chart: c.pin.chart,
        targetRevision: c.pin.version,
        helm: { releaseName: c.releaseName, valuesObject: c.values },
      },
    ],
    serverSideApply: true,
    labels: commonLabels(c.component.name, 'operator'),
  });
}
