import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { Cluster } from '../cluster/schema.js';

export interface TlsIngressOptions {
  /** The Ingress's name; the Certificate and its Secret are `<name>-tls`. */
  name: string;
  namespace: string;
  hosts: readonly string[];
  /** The backend Service and its port, by number or by name. */
  service: { name: string; port: number | string };
  labels: Record<string, string>;
  /** Route only on Traefik's `websecure` entry point (plain HTTP is redirected before it reaches a router). */
  httpsOnly?: boolean;
  /** An ECDSA P-256 key, replaced at every renewal. */
  rotateEcdsaKey?: boolean;
}

/**
 * The cert-manager Certificate for the hosts, from the cluster's Let's Encrypt issuer. Explicit (not the
 * ingress-shim annotation) so it is rendered, reviewed and validated like everything else.
 */
export function tlsCertificate(cluster: Cluster, o: TlsIngressOptions): Certificate {
  const secretName = `${o.name}-tls`;
  return new Certificate({
    metadata: { name: secretName, namespace: o.namespace, labels: o.labels },
    spec: {
      secretName,
      dnsNames: [...o.hosts],
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: cluster.acme.issuer },
      ...(o.rotateEcdsaKey
        ? { privateKey: { algorithm: 'ECDSA' as const, size: 256, rotationPolicy: 'Always' as const } }
        : {}),
    },
  });
}

/** An Ingress through the bundled Traefik plus the Certificate for its hosts. */
export function tlsIngress(cluster: Cluster, o: TlsIngressOptions): [Ingress, Certificate] {
  const port = typeof o.service.port === 'number' ? { number: o.service.port } : { name: o.service.port };
  const ingress = new Ingress({
    metadata: {
      name: o.name,
      namespace: o.namespace,
      labels: o.labels,
      ...(o.httpsOnly
        ? { annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' } }
        : {}),
    },
    spec: {
      ingressClassName: 'traefik',
      tls: [{ hosts: [...o.hosts], secretName: `${o.name}-tls` }],
      rules: o.hosts.map((host) => ({
        host,
        http: {
          paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: o.service.name, port } } }],
        },
      })),
    },
  });
  return [ingress, tlsCertificate(cluster, o)];
}
