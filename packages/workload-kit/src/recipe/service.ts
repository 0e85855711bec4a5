import { appNames, commonLabels } from '@ultron/platform/core';
import { Service } from 'kubernetes-models/v1/Service';
import type { Workload } from '../definition/schema.js';
import { PORT_NAME, podLabels } from './pod.js';

function service(w: Workload, name: string): Service {
  return new Service({
    metadata: {
      name,
      namespace: appNames(w.name).namespace,
      labels: { ...commonLabels(w.name), ...podLabels(w) },
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
    list.push(service(w, names.canaryService), service(w, names.stableService));
  return list;
}
