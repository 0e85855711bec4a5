import * as z from 'zod';
import { withHint } from '../errors/zod.js';
import { dnsLabel, dnsName, email, httpsUrl, parseQuantity, quantity } from '../schema/fields.js';
import { backupRetention, cnpgSchedule } from './backup-fields.js';

const hinted = (message: string, hint: string) => ({ error: withHint(message, hint) });

/** The facts of one node; capacity feeds the single-node budget and replica/instance limits. */
const node = z.strictObject({
  name: dnsLabel(),
  arch: z
    .enum(['arm64', 'amd64'], hinted('must be "arm64" or "amd64"', 'Ampere A1 nodes are arm64'))
    .default('arm64'),
  /**
   * `server` runs the control plane (k3s with its embedded datastore: exactly one); `agent`s join it over
   * Tailscale and only run pods.
   */
  role: z
    .enum(['server', 'agent'], hinted('must be "server" or "agent"', 'one server, the rest agents'))
    .default('server'),
  /** Allocatable CPU, e.g. "4". */
  cpu: quantity,
  /** Allocatable memory, e.g. "24Gi". */
  memory: quantity,
  /** The name operators' machines resolve to the node's Tailscale IP (MagicDNS); goes into k3s `tls-san`. Defaults to the node name. */
  tailscaleName: z
    .union(
      [dnsLabel(), dnsName],
      hinted('must be a host name', 'the MagicDNS name, e.g. "ultron" or "ultron.tail1234.ts.net"'),
    )
    .optional(),
  tailscaleIP: z
    .string()
    .regex(
      /^100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$/,
      hinted('must be a Tailscale address (100.64.0.0/10)', 'see `tailscale ip -4` on the node'),
    )
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

const BACKUP_DEFAULTS = {
  schedule: '0 0 3 * * *',
  retention: '30d',
  method: 'plugin',
  generation: 1,
} as const;

/**
 * Base backups and WAL of every database (apps' and Keycloak's).
 * `generation` names the archive folder each database writes to: generation 1 is `<cluster>/` (what runs
 * today), generation N > 1 is `<cluster>-gen<N>/`. A rebuild from nothing must write into a new, empty
 * folder: CNPG refuses to archive into a folder that already holds another server's WAL.
 */
const backups = z
  .strictObject({
    /** Six-field cron (seconds first). */
    schedule: cnpgSchedule.default(BACKUP_DEFAULTS.schedule),
    retention: backupRetention.default(BACKUP_DEFAULTS.retention),
    /**
     * `plugin`: the Barman Cloud plugin and one ObjectStore per database (the supported path).
     * `barmanObjectStore`: CNPG's in-tree method (deprecated since 1.26, removed in 1.31); kept so a
     * cluster still on it can move with one definition change (see docs/backups.md).
     */
    method: z
      .enum(
        ['plugin', 'barmanObjectStore'],
        hinted('must be "plugin" or "barmanObjectStore"', 'use "plugin"'),
      )
      .default(BACKUP_DEFAULTS.method),
    generation: z.number().int().min(1).max(99).default(BACKUP_DEFAULTS.generation),
    /**
     * Disaster recovery, "rebuild from backups": every database bootstraps with `recovery` from the
     * archive of this generation (usually `generation - 1`) instead of `initdb`. Remove it once every
     * database is back (the bootstrap only matters when a cluster is created).
     */
    recoverFrom: z.number().int().min(1).max(98).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.recoverFrom !== undefined && b.recoverFrom >= b.generation) {
      ctx.addIssue({
        code: 'custom',
        path: ['recoverFrom'],
        message: withHint(
          `must be an older generation than ${b.generation}`,
          `raise \`generation\` to ${b.recoverFrom + 1}: the rebuilt databases must archive into a new, empty folder`,
        ),
      });
    }
  });

/**
 * Where the Secrets the tree references come from.
 * `oci-vault`: External Secrets Operator reads them from an OCI Vault as the node itself (instance
 * principal: a dynamic group holding the node and a policy letting it read the vault's secrets), so a
 * rebuild needs no secret typed. `manual`: `kubectl create secret` by hand (`pnpm ultron secrets`).
 */
const ocid = (kind: string) =>
  z.string().regex(new RegExp(`^ocid1\\.${kind}\\.[a-z0-9-]+\\.[a-z0-9-]*(\\.[a-z0-9-]+)?\\.[a-z0-9]+$`), {
    error: withHint(`must be an OCI ${kind} OCID`, `e.g. "ocid1.${kind}.oc1.eu-frankfurt-1.amaaaa…"`),
  });
const secrets = z.discriminatedUnion('backend', [
  z.strictObject({
    backend: z.literal('oci-vault'),
    /** The vault holding the values (Identity & Security → Vault). */
    vault: ocid('vault'),
    /** Its master encryption key, which `oci vault secret create-base64` needs. */
    key: ocid('key'),
    /** The compartment of the vault and its secrets. */
    compartment: ocid('compartment'),
    /** Default: the object storage region. */
    region: z
      .string()
      .regex(/^[a-z]{2,}-[a-z]+-[0-9]+$/)
      .optional(),
  }),
  z.strictObject({ backend: z.literal('manual') }),
]);

/**
 * Where alerts go. At least one receiver should be set: without one Alertmanager routes everything to a
 * receiver that sends nothing. Credentials are secret references (`Secret` name + key in the monitoring
 * namespace), never values.
 */
const secretKeyRef = z.strictObject({ secret: dnsLabel(253), key: z.string().regex(/^[-._a-zA-Z0-9]+$/) });
const alerting = z.strictObject({
  email: z
    .strictObject({
      to: email,
      from: email,
      /** host:port of the SMTP relay, e.g. "smtp.eu-frankfurt-1.oraclecloud.com:587". */
      smarthost: z.string().regex(/^[a-z0-9.-]+:[0-9]{1,5}$/, {
        error: withHint('must be host:port', 'e.g. "smtp.example.com:587"'),
      }),
      username: z.string().min(1),
      password: secretKeyRef,
    })
    .optional(),
  /**
   * A webhook such as ntfy (or a Slack/Discord adapter). The URL is not a credential: authenticate with a
   * bearer token (e.g. an ntfy access token), sent from a Secret, so a leaked URL cannot post.
   */
  webhook: z.strictObject({ url: httpsUrl, token: secretKeyRef.optional() }).optional(),
  /**
   * Dead man's switch: the always-firing Watchdog alert is sent here every `interval`; the service pages
   * when the pings stop (healthchecks.io, Better Stack heartbeats…). Such services put their key in the
   * URL, which then sits in the (private) repository: Alertmanager reads webhook URLs from files only from
   * 0.26, and the config is checked with Debian's amtool 0.25. A bearer `token` is read from a Secret.
   */
  heartbeat: z
    .strictObject({
      url: httpsUrl,
      token: secretKeyRef.optional(),
      interval: z
        .string()
        .regex(/^[0-9]+[mh]$/)
        .default('5m'),
    })
    .optional(),
});

/** The platform's own Keycloak and its Postgres. Instances above 1 need as many nodes. */
const keycloak = z.strictObject({
  instances: z.number().int().min(1).max(5).default(1),
  database: z
    .strictObject({
      instances: z.number().int().min(1).max(5).default(1),
      size: quantity.default('2Gi'),
    })
    .default({ instances: 1, size: '2Gi' }),
});

const IPV4 =
  /^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$/;

/**
 * Where pods reach the Kubernetes API after the `kubernetes` Service's DNAT: k3s serves it on the server
 * node itself. NetworkPolicies allow exactly this address and port, never 0.0.0.0/0.
 */
const kubernetesApi = z.strictObject({
  /** The address k3s advertises (`kubectl get endpoints kubernetes`). Default: the server's tailscaleIP, which the rendered k3s config then advertises. */
  address: z
    .string()
    .regex(IPV4, hinted('must be an IPv4 address', 'see `kubectl get endpoints kubernetes -o wide`'))
    .optional(),
  port: z.number().int().min(1).max(65535).default(6443),
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
    /** The k3s node(s). Capacity (and with it the budget and replica limits) comes from this list. */
    nodes: z
      .array(node)
      .min(1, { error: withHint('needs at least one node', 'list the k3s node(s) with their capacity') }),
    /** Storage class of every PersistentVolumeClaim (k3s ships `local-path`). */
    storageClass: dnsLabel(253).default('local-path'),
    objectStorage,
    /** Base backups of the platform's databases (WAL is shipped continuously). */
    backups: backups.default(BACKUP_DEFAULTS),
    /** Default: `manual` (the OCI backend needs the vault's OCIDs). */
    secrets: secrets.default({ backend: 'manual' }),
    alerting: alerting.default({}),
    monitoring: z
      .strictObject({
        namespace: dnsLabel().default('monitoring'),
        /** kube-prometheus-stack's Prometheus only selects monitors with `release: <this>`. */
        prometheusRelease: dnsLabel(53).default('kube-prom-stack'),
      })
      .default({ namespace: 'monitoring', prometheusRelease: 'kube-prom-stack' }),
    keycloak: keycloak.default({ instances: 1, database: { instances: 1, size: '2Gi' } }),
    /**
     * A `docker-registry` Secret every app pulls its images with (private GHCR packages), created in each
     * app's namespace (by an ExternalSecret with the OCI Vault backend). A workload may override it.
     */
    imagePullSecret: dnsLabel(253).optional(),
    kubernetesApi: kubernetesApi.default({ port: 6443 }),
    /** `ultron audit`: findings the platform accepts, by id, each with the reason it is acceptable. */
    audit: z
      .strictObject({
        accept: z.record(
          z
            .string()
            .regex(
              /^[a-z-]+\/\S+$/,
              hinted('must be a finding id', 'as `ultron audit` prints it, e.g. "pod-security/monitoring"'),
            ),
          z.string().min(10, hinted('must say why', 'one sentence: why this bypass is acceptable')),
        ),
      })
      .default({ accept: {} }),
    /** The owner of `ghcr.io/<owner>/<app>` images (a GitHub user or organisation, lowercase). */
    imageOwner: z.string().regex(/^[a-z0-9]([a-z0-9-]{0,37}[a-z0-9])?$/, {
      error: withHint('must be a lowercase GitHub owner', 'e.g. "acme"'),
    }),
  })
  .superRefine((cluster, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const names = new Set<string>();
    cluster.nodes.forEach((n, i) => {
      if (names.has(n.name)) {
        issue(
          ['nodes', i, 'name'],
          withHint(`node "${n.name}" is listed twice`, 'each node needs its own k3s node name'),
        );
      }
      names.add(n.name);
      if (parseQuantity(n.cpu) < 1) {
        issue(
          ['nodes', i, 'cpu'],
          withHint('must be at least 1 core', 'the platform alone requests more than that'),
        );
      }
      if (parseQuantity(n.memory) < 4 * 1024 ** 3) {
        issue(
          ['nodes', i, 'memory'],
          withHint(
            'must be at least 4Gi',
            'use binary units, e.g. "24Gi"; the platform alone needs several Gi',
          ),
        );
      }
      // Agents join the server and route pod traffic over Tailscale, so each node needs its address.
      if (cluster.nodes.length > 1 && !n.tailscaleIP) {
        issue(
          ['nodes', i, 'tailscaleIP'],
          withHint(
            'is required when the cluster has more than one node',
            'nodes talk to each other over Tailscale',
          ),
        );
      }
    });
    const servers = cluster.nodes.flatMap((n, i) => (n.role === 'server' ? [i] : []));
    if (servers.length === 0 && cluster.nodes.length > 0) {
      issue(
        ['nodes'],
        withHint('needs one node with role "server"', 'the first node usually runs the control plane'),
      );
    }
    for (const i of servers.slice(1)) {
      issue(
        ['nodes', i, 'role'],
        withHint(
          'only one server node is supported (k3s with its embedded datastore)',
          'set role: "agent" on every other node',
        ),
      );
    }
    const server = cluster.nodes.find((n) => n.role === 'server');
    if (server && !cluster.kubernetesApi.address && !server.tailscaleIP) {
      issue(
        ['kubernetesApi', 'address'],
        withHint(
          'is required when the server node has no tailscaleIP (NetworkPolicies allow the API at exactly this address)',
          "set the server node's tailscaleIP, or the address `kubectl get endpoints kubernetes` shows",
        ),
      );
    }
    // More replicas than nodes puts two on one node: no availability gained, capacity spent twice.
    const nodeCount = cluster.nodes.length;
    const spread = [
      [['keycloak', 'instances'], cluster.keycloak.instances],
      [['keycloak', 'database', 'instances'], cluster.keycloak.database.instances],
    ] as const;
    for (const [path, instances] of spread) {
      if (nodeCount > 0 && instances > nodeCount) {
        issue(
          [...path],
          withHint(
            `${instances} instances need at least ${instances} nodes (the cluster has ${nodeCount})`,
            'add nodes to `nodes` first, or keep 1 instance',
          ),
        );
      }
    }
  });

export type ClusterInput = z.input<typeof clusterSchema>;
export type Cluster = z.output<typeof clusterSchema>;
export type ClusterNode = Cluster['nodes'][number];
