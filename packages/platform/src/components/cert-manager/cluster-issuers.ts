import { ClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import type { Cluster } from '../../cluster/schema.js';
import { commonLabels } from '../../conventions/names.js';

/** Let's Encrypt's ACME directories, by the issuer name Certificates refer to. */
export const ACME_SERVERS = {
  'letsencrypt-staging': 'https://acme-staging-v02.api.letsencrypt.org/directory',
  'letsencrypt-prod': 'https://acme-v02.api.letsencrypt.org/directory',
} as const;

export type IssuerName = keyof typeof ACME_SERVERS;

/**
 * Both Let's Encrypt issuers, solving HTTP-01 through the bundled Traefik. Staging exists so a rebuild
 * can be rehearsed without hitting production rate limits; `cluster.acme.issuer` picks the one in use.
 */
export function clusterIssuers(cluster: Cluster): ClusterIssuer[] {
  return (Object.keys(ACME_SERVERS) as IssuerName[]).map(
    (name) =>
      new ClusterIssuer({
        metadata: { name, labels: commonLabels('cert-manager', 'issuer') },
        spec: {
          acme: {
            server: ACME_SERVERS[name],
            email: cluster.acme.email,
            // The ACME account key cert-manager generates and keeps in this Secret (never in Git).
            privateKeySecretRef: { name: `${name}-account-key` },
            solvers: [{ http01: { ingress: { ingressClassName: 'traefik' } } }],
          },
        },
      }),
  );
}
