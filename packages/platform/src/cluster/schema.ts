import { z } from 'zod';
import { withHint } from '../errors/zod.js';
import { dnsLabel, dnsName, email, httpsUrl, parseQuantity, quantity } from '../schema/fields.js';

/** The facts of one node; capacity feeds the single-node budget and replica/instance limits. */
const node = z.strictObject({
  name: dnsLabel(),
  arch: z.enum(['arm64', 'amd64']).default('arm64'),
  /** Allocatable CPU, e.g. "4". */
  cpu: quantity,
  /** Allocatable memory, e.g. "24Gi". */
  memory: quantity,
  /** The name operators' machines resolve to the node's Tailscale IP; goes into k3s `tls-san`. */
  tailscaleName: dnsLabel().optional(),
  tailscaleIP: z
    .string()
    .regex(/^100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.[0-9]{1,3}\.[0-9]{1,3}$/, {
      error: withHint('must be a Tailscale address (100.64.0.0/10)', 'see `tailscale ip -4` on the node'),
    })
    .optional(),
});

/** Oracle Object Storage through its S3-compatible API: where every Postgres ships WAL and base backups. */
const objectStorage = z.strictObject({
  /** The tenancy's Object Storage namespace (Tenancy details → Object storage namespace). */
  namespace: z.string().regex(/^[a-z0-9]{1,64}$/, {
    error: withHint('must be the lowercase Object Storage namespace', 'e.g. "axaxnpcrorw5"'),
  }),
  /** The bucket's real region; Oracle rejects requests signed for another one. */
  region: z.string().regex(/^[a-z]{2,}-[a-z]+-[0-9]+$/, {
    error: withHint('must be an OCI region identifier', 'e.g. "eu-frankfurt-1" or "us-ashburn-1"'),
  }),
  bucket: z.string().regex(/^[a-zA-Z0-9._-]{1,256}$/, {
    error: withHint('must be a bucket name', 'letters, digits, ".", "_" and "-"'),
  }),
});

export const clusterSchema = z
  .strictObject({
    /** The cluster's name; also the default node and Tailscale name. */
    name: dnsLabel().default('ultron'),
    gitops: z.strictObject({
      /** The (private) repository Argo CD reads this tree from. */
      repoURL: httpsUrl,
      /** Branch or tag Argo CD follows. */
      revision: z.string().min(1).default('main'),
    }),
    /** `argocd.<authDomain>` and `auth.<authDomain>` are served from here. */
    authDomain: dnsName,
    acme: z.strictObject({
      email,
      /** Issuer every Certificate uses; switch to staging while testing to avoid rate limits. */
      issuer: z.enum(['letsencrypt-prod', 'letsencrypt-staging']).default('letsencrypt-prod'),
    }),
    nodes: z
      .array(node)
      .min(1, { error: withHint('needs at least one node', 'list the k3s node(s) with their capacity') }),
    objectStorage,
    monitoring: z
      .strictObject({
        namespace: dnsLabel().default('monitoring'),
        /** kube-prometheus-stack's Prometheus only selects monitors with `release: <this>`. */
        prometheusRelease: dnsLabel(53).default('kube-prom-stack'),
      })
      .default({ namespace: 'monitoring', prometheusRelease: 'kube-prom-stack' }),
    /** The owner of `ghcr.io/<owner>/<app>` images (a GitHub user or organisation, lowercase). */
    imageOwner: z.string().regex(/^[a-z0-9]([a-z0-9-]{0,37}[a-z0-9])?$/, {
      error: withHint('must be a lowercase GitHub owner', 'e.g. "acme"'),
    }),
  })
  .superRefine((cluster, ctx) => {
    const names = new Set<string>();
    cluster.nodes.forEach((n, i) => {
      if (names.has(n.name))
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'name'],
          message: `node "${n.name}" is listed twice`,
        });
      names.add(n.name);
      if (parseQuantity(n.cpu) < 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'cpu'],
          message: withHint('must be at least 1 core', 'the platform alone requests more than that'),
        });
      }
      if (parseQuantity(n.memory) < 4 * 1024 ** 3) {
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'memory'],
          message: withHint(
            'must be at least 4Gi',
            'use binary units, e.g. "24Gi"; the platform alone needs several Gi',
          ),
        });
      }
    });
  });

export type ClusterInput = z.input<typeof clusterSchema>;
export type Cluster = z.output<typeof clusterSchema>;
