import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import { BOOTSTRAP_FILES } from '../bootstrap/files.js';
import type { K3sBundledComponent } from '../component.js';
import { traefikValues } from './helm-chart-config.js';

/** The Traefik k3s bundles (the platform's edge), tuned by a HelmChartConfig (helm-chart-config.ts). */
export const TRAEFIK_COMPONENT = {
  name: 'traefik',
  install: 'k3s',
  namespace: PLATFORM_NAMESPACES.kubeSystem,
  crdGroups: ['traefik.io'],
  services: [],
  values: traefikValues,
  bootstrapApplies: [
    {
      id: 'traefik-config',
      title: 'Tune the bundled Traefik (HelmChartConfig)',
      why: 'after kube-prometheus-stack: the Traefik chart refuses a ServiceMonitor before its CRD exists',
      files: [BOOTSTRAP_FILES.traefikConfig],
    },
  ],
} as const satisfies K3sBundledComponent;
