import { appNames, commonLabels } from '@ultron/platform/core';
import { Service } from 'kubernetes-models/v1/Service';
import type { Workload } from '../../definition/schema.js';
import { PORT_NAME, podLabels } from '../../parts/pod.js';

/**
 * Only the main Service carries `app: <app>`, the label the ServiceMonitor selects: the canary and
 * stable Services select the same pods, and a monitor matching them too would scrape every pod three
 * times (tripled request rates, duplicated series).
 */
function service(w: Workload, name: string, role?: 'canary' | 'stable'): Service {
  return new Service({
    metadata: {
      name,
      namespace: appNames(w.name).namespace,
      labels: role ? commonLabels(w.name, role) : { ...commonLabels(w.name), ...podLabels(w) },
    },
    spec: {
      type: 'ClusterIP',
      selector: podLabels(w),
      ports: [{ name: PORT_NAME, port: 80, targetPort: PORT_NAME, protocol: 'TCP' }],
    },
  });
}

/**
 * `<app>` always; with Traefik weighted routing also the stable and canary Services whose selectors
 * Argo Rollouts narrows to each ReplicaSet at run time.
 */
export function services(w: Workload): Service[] {
  const names = appNames(w.name);
  const list = [service(w, names.service)];
  if (w.canary.trafficRouting === 'traefik')
    list.push(service(w, names.canaryService, 'canary'), service(w, names.stableService, 'stable'));
  return list;
}
