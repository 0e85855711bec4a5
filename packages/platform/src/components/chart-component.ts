import { application } from '../argocd/application.js';
import type { Cluster } from '../cluster/schema.js';
import { appFile, platformDir } from '../conventions/layout.js';
import { commonLabels, PLATFORM_PROJECT } from '../conventions/names.js';
import type { Slice } from '../render/slice.js';
import { Tree } from '../render/tree.js';
import type { ChartComponent } from './component.js';

/**
 * Its Argo CD Application: the pinned chart with the kit's values, server-side applied (operator CRDs are
 * beyond the client-side annotation limit). Its namespace is rendered with Pod Security labels and
 * default-deny by the platform-namespaces Application, a wave earlier, so Argo CD does not create it.
 */
export function chartApplication(c: ChartComponent, cluster: Cluster) {
  return application({
    name: c.name,
    project: PLATFORM_PROJECT,
    namespace: c.namespace,
    wave: c.wave,
    sources: [
      {
        repoURL: c.chart.pin.repo,
        chart: c.chart.pin.chart,
        targetRevision: c.chart.pin.version,
        helm: { releaseName: c.chart.releaseName, valuesObject: c.chart.values(cluster) },
      },
    ],
    serverSideApply: true,
    labels: commonLabels(c.name, 'operator'),
  });
}

/** The slice of a component that is only its chart: `apps/<name>.yaml` (and `platform/<name>/` kept empty). */
export function chartSlice(c: ChartComponent, cluster: Cluster): Slice {
  return {
    owns: [platformDir(c.name), appFile(c.name)],
    build: () => new Tree().addFile(appFile(c.name), [chartApplication(c, cluster)]),
  };
}
