import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { IngressRoute } from '@kubernetes-models/traefik/traefik.io/v1alpha1/IngressRoute';
import { TraefikService } from '@kubernetes-models/traefik/traefik.io/v1alpha1/TraefikService';
import { appNames, type Cluster, commonLabels, type Manifest } from '@ultron/platform/core';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { Workload } from '../definition/schema.js';
import { PORT_NAME } from './pod.js';

/** The TLS certificate for every host of the app, from the cluster's Let's Encrypt issuer. */
export function certificate(cluster: Cluster, w: Workload): Certificate {
  const names = appNames(w.name);
  return new Certificate({
    metadata: { name: names.tlsSecret, namespace: names.namespace, labels: commonLabels(w.name) },
    spec: {
      secretName: names.tlsSecret,
      dnsNames: [...w.hosts],
      issuerRef: { kind: 'ClusterIssuer', name: cluster.acme.issuer, group: 'cert-manager.io' },
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
    },
  });
}

/** Replica-ratio canary: a plain Ingress through Traefik's websecure entry point to the app Service. */
function ingress(w: Workload): Ingress {
  const names = appNames(w.name);
  return new Ingress({
    metadata: {
      name: names.ingress,
      namespace: names.namespace,
      labels: commonLabels(w.name),
      annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' },
    },
    spec: {
      ingressClassName: 'traefik',
      tls: [{ hosts: [...w.hosts], secretName: names.tlsSecret }],
      rules: w.hosts.map((host) => ({
        host,
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: names.service, port: { name: PORT_NAME } } },
            },
          ],
        },
      })),
    },
  });
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
  return [
    certificate(cluster, w),
    ...(w.canary.trafficRouting === 'traefik' ? weightedRoute(w) : [ingress(w)]),
  ];
}
