import { IngressRoute } from '@kubernetes-models/traefik/traefik.io/v1alpha1/IngressRoute';
import { TraefikService } from '@kubernetes-models/traefik/traefik.io/v1alpha1/TraefikService';
import {
  appNames,
  type Cluster,
  commonLabels,
  type Manifest,
  type TlsIngressOptions,
  tlsCertificate,
  tlsIngress,
} from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';
import { PORT_NAME } from '../../parts/pod.js';

/** The app's edge: every host, on HTTPS only, with a rotated ECDSA certificate from the cluster's issuer. */
function edge(w: Workload): TlsIngressOptions {
  const names = appNames(w.name);
  return {
    name: names.ingress,
    namespace: names.namespace,
    hosts: w.hosts,
    service: { name: names.service, port: PORT_NAME },
    labels: commonLabels(w.name),
    httpsOnly: true,
    rotateEcdsaKey: true,
  };
}

/**
 * Weighted canary: the IngressRoute sends traffic to a TraefikService whose stable/canary weights
 * Argo Rollouts sets at run time. The weights are deliberately not rendered (the controller owns them;
 * the Application ignores their drift).
 */
function weightedRoute(w: Workload): Manifest[] {
  const names = appNames(w.name);
  const route = new IngressRoute({
    metadata: { name: names.ingress, namespace: names.namespace, labels: commonLabels(w.name) },
    spec: {
      entryPoints: ['websecure'],
      routes: [
        {
          kind: 'Rule',
          match: w.hosts.map((h) => `Host(\`${h}\`)`).join(' || '),
          services: [{ name: names.service, kind: 'TraefikService' }],
        },
      ],
      tls: { secretName: names.tlsSecret },
    },
  });
  const weighted = new TraefikService({
    metadata: { name: names.service, namespace: names.namespace, labels: commonLabels(w.name) },
    spec: {
      weighted: {
        services: [
          { name: names.stableService, port: 80 },
          { name: names.canaryService, port: 80 },
        ],
      },
    },
  });
  return [route, weighted];
}

export function edgeObjects(cluster: Cluster, w: Workload): Manifest[] {
  // Replica-ratio canary: a plain Ingress to the app Service; weighted canary: the IngressRoute above.
  if (w.canary.trafficRouting !== 'traefik') {
    const [ingress, certificate] = tlsIngress(cluster, edge(w));
    return [certificate, ingress];
  }
  return [tlsCertificate(cluster, edge(w)), ...weightedRoute(w)];
}
