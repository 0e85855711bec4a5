import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { Cluster } from '../cluster/schema.js';

export interface TlsIngressOptions {
  name: string;
  namespace: string;
  host: string;
  service: { name: string; port: number };
  labels: Record<string, string>;
}

/**
 * An Ingress through the bundled Traefik plus the cert-manager Certificate for its host. The Certificate is
 * explicit (not the ingress-shim annotation) so it is rendered, reviewed and validated like everything else.
 */
export function tlsIngress(cluster: Cluster, o: TlsIngressOptions): [Ingress, Certificate] {
  const secretName = `${o.name}-tls`;
  const ingress = new Ingress({
    metadata: { name: o.name, namespace: o.namespace, labels: o.labels },
    spec: {
      ingressClassName: 'traefik',
      tls: [{ hosts: [o.host], secretName }],
      rules: [
        {
          host: o.host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: o.service.name, port: { number: o.service.port } } },
              },
            ],
          },
        },
      ],
    },
  });
  const certificate = new Certificate({
    metadata: { name: secretName, namespace: o.namespace, labels: o.labels },
    spec: {
      secretName,
      dnsNames: [o.host],
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: cluster.acme.issuer },
    },
  });
  return [ingress, certificate];
}
