import {
  backupRetention,
  cnpgSchedule,
  dns1035Label,
  dnsLabel,
  dnsName,
  duration,
  LONGEST_SUFFIX,
  parseDuration,
  parseQuantity,
  quantity,
  RESERVED_NAMES,
  RESERVED_REALMS,
  reservedBecause,
  withHint,
} from '@ultron/platform/core';
import { z } from 'zod';
import { expressibleWeights, replicaCanaryWeight, WEIGHT_TOLERANCE } from './canary-weights.js';

/** Labels Prometheus attaches to every scraped series; an app label of the same name is renamed. */
const RESERVED_TARGET_LABELS = ['namespace', 'pod', 'service', 'job', 'instance', 'endpoint', 'container'];

const hinted = (message: string, hint: string) => ({ error: withHint(message, hint) });

/** 63 (a DNS label) minus the longest suffix the kit derives, so `<app>-pg-backup-creds` stays valid. */
export const MAX_APP_NAME = 63 - LONGEST_SUFFIX;

/**
 * An app name names its namespace, Services (DNS-1035: starts with a letter), Argo CD Application and
 * project, and `apps/<name>.yaml`; none may be one the platform uses (the list lives in conventions).
 */
const appName = dns1035Label(MAX_APP_NAME).superRefine((name, ctx) => {
  const why = reservedBecause(name) ?? RESERVED_REALMS.get(name);
  if (why)
    ctx.addIssue({
      code: 'custom',
      message: withHint(
        `"${name}" is reserved: it is ${why}`,
        `pick another name; taken: ${[...RESERVED_NAMES.keys(), ...RESERVED_REALMS.keys()].join(', ')}`,
      ),
    });
});

/** `ghcr.io/<owner>/<app>:sha-<short>` or `…@sha256:<digest>`; never `latest`, never untagged. */
const image = z
  .string()
  .regex(
    /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/,
    hinted(
      'must be a full image reference with a tag or digest',
      'e.g. "ghcr.io/acme/penvoice:sha-3f9c2a1" or "ghcr.io/acme/penvoice@sha256:<64 hex>"',
    ),
  )
  .refine((ref) => !/:latest$/.test(ref), {
    error: withHint('must not use the "latest" tag', 'pin the build: "sha-<short git sha>" or a digest'),
  });

const port = z
  .number()
  .int(hinted('must be a whole number', 'e.g. 8080'))
  .min(1024, hinted('must be 1024 or higher', 'pods run as non-root and cannot bind privileged ports'))
  .max(65535, hinted('must be at most 65535', 'e.g. 8080'));

const httpPath = z
  .string()
  .regex(/^\/[A-Za-z0-9._~/-]*$/, hinted('must be an absolute URL path', 'e.g. "/readyz"'));

const resources = z.strictObject({
  requests: z.strictObject({ cpu: quantity, memory: quantity }),
  limits: z.strictObject({ cpu: quantity.optional(), memory: quantity }),
});

const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, hinted('must be a valid environment variable name', 'e.g. "LOG_LEVEL"'));

const dataKey = z.string().regex(/^[-._a-zA-Z0-9]+$/, hinted('must be a valid data key', 'e.g. "API_TOKEN"'));

/** A plain value, or a reference to a key of a Secret (created out of band) or of a ConfigMap. */
const envValue = z.union([
  z.string(),
  z.strictObject({ secret: dnsLabel(253), key: dataKey }),
  z.strictObject({ configMap: dnsLabel(253), key: dataKey }),
]);

/**
 * What the app exposes on `/metrics`: every query the kit writes (canary gate, alerts, dashboard) is
 * generated from this, so an app whose counter or label is spelled differently changes one field.
 * Defaults are the seed API's contract (SPEC: `http_requests_total{method, route, code}`).
 */
const promName = z
  .string()
  .regex(
    /^[a-zA-Z_:][a-zA-Z0-9_:]*$/,
    hinted('must be a Prometheus metric name', 'e.g. "http_requests_total"'),
  );
const promLabel = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, hinted('must be a Prometheus label name', 'e.g. "code"'))
  .refine((l) => !RESERVED_TARGET_LABELS.includes(l), {
    error: withHint(
      'is a label Prometheus sets on every target',
      `the app's own label would be stored as exported_<name>; pick one that is not ${RESERVED_TARGET_LABELS.join(', ')}`,
    ),
  });
export const METRICS_DEFAULTS = {
  requestsCounter: 'http_requests_total',
  codeLabel: 'code',
  routeLabel: 'route',
  excludeRoutes: [] as string[],
  durationHistogram: 'http_request_duration_seconds',
};
const metrics = z.strictObject({
  /** Counter of handled requests, one series per (method, route, code). */
  requestsCounter: promName.default(METRICS_DEFAULTS.requestsCounter),
  /** Label holding the HTTP status as a string ("200", "503"). */
  codeLabel: promLabel.default(METRICS_DEFAULTS.codeLabel),
  /** Label holding the route; used only with `excludeRoutes`. */
  routeLabel: promLabel.default(METRICS_DEFAULTS.routeLabel),
  /** Routes left out of every rate (e.g. "/readyz", "/metrics"): probes and scrapes are not traffic. */
  excludeRoutes: z.array(z.string().min(1)).default([]),
  /** Histogram of request durations (without `_bucket`) for the latency panel; `false` if the app has none. */
  durationHistogram: z.union([z.literal(false), promName]).default(METRICS_DEFAULTS.durationHistogram),
});

const canary = z.strictObject({
  /** Traffic weights the canary walks through before full promotion. */
  steps: z.array(z.number().int().min(1).max(100)).min(1).default([25, 50, 75]),
  /** Pause after each weight, e.g. "60s". */
  pause: duration.default('60s'),
  /** Share of non-5xx requests the canary must keep, in (0, 1]. */
  successThreshold: z
    .number()
    .gt(0, hinted('must be greater than 0', 'e.g. 0.95'))
    .max(1, hinted('must be at most 1', 'a share, e.g. 0.95 for 95 %'))
    .default(0.95),
  interval: duration.default('30s'),
  failureLimit: z.number().int().min(0).max(10).default(2),
  /**
   * Below this many requests per second on the canary's pods (over the last minute) the gate has no
   * evidence: the measurement is Inconclusive and Argo Rollouts pauses the rollout for a person.
   */
  minRequestRate: z
    .number()
    .gt(0, hinted('must be greater than 0', 'e.g. 0.1 (6 requests a minute)'))
    .default(0.1),
  /**
   * What a canary with less traffic than `minRequestRate` does: `pause` (default: a person promotes
   * or aborts) or `promote` (opt in: a quiet app is released on the readiness probe alone).
   */
  onLowTraffic: z.enum(['pause', 'promote']).default('pause'),
  /**
   * `traefik` (default): Argo Rollouts sets the exact weights on a TraefikService the ingress routes through.
   * `replicas`: weights are approximated by pod counts; only weights the replica count can express are accepted.
   */
  trafficRouting: z.enum(['replicas', 'traefik']).default('traefik'),
});

const database = z.strictObject({
  size: quantity.default('5Gi'),
  /** Default: the cluster's storage class. */
  storageClass: dnsLabel(253).optional(),
  instances: z.number().int().min(1).max(5).default(1),
  resources: resources.default({ requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } }),
  backup: z
    .strictObject({
      /** Six-field cron (seconds first). Default: the cluster's backup schedule. */
      schedule: cnpgSchedule.optional(),
      /** Default: the cluster's backup retention. */
      retention: backupRetention.optional(),
      /**
       * The Barman Cloud plugin's ObjectStore or CNPG's deprecated in-tree `barmanObjectStore`.
       * Default: the cluster's `backups.method`.
       */
      method: z.enum(['barmanObjectStore', 'plugin']).optional(),
    })
    .default({}),
});

const migrations = z.strictObject({
  /** The migrate CLI bundled in the app image. */
  command: z.array(z.string().min(1)).min(1).default(['migrate', 'up']),
  /** Attempts before the sync fails. */
  backoffLimit: z.number().int().min(0).max(10).default(2),
});

/**
 * One extra egress destination, beyond the defaults (DNS, HTTPS to the public internet, the app's database
 * and Keycloak). Explicit CIDR and ports, with the reason rendered on the NetworkPolicy.
 */
const egressRule = z.strictObject({
  /** An IPv4 CIDR, e.g. "203.0.113.10/32"; private, Tailscale and link-local ranges only when listed here. */
  cidr: z
    .string()
    .regex(
      /^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}\/([0-9]|[12][0-9]|3[0-2])$/,
      hinted('must be an IPv4 CIDR', 'e.g. "203.0.113.10/32"'),
    ),
  /** Destination ports (any, e.g. 443 or 5432: these are the far side's, not the pod's). */
  ports: z.array(z.number().int().min(1).max(65535)).min(1),
  /** One line: why the app needs it (rendered on the policy, printed by `ultron audit`). */
  reason: z.string().min(3),
});

const auth = z.strictObject({
  /** Keycloak realm; defaults to the app name. */
  realm: dnsLabel()
    .refine((realm) => !RESERVED_REALMS.has(realm), {
      error: withHint('is reserved', `"master" is Keycloak’s administration realm; use the app's own realm`),
    })
    .optional(),
  spa: z.strictObject({
    redirectUris: z
      .array(
        z
          .string()
          .regex(
            /^https:\/\/[^\s*]+$/,
            hinted('must be an exact https:// URI', 'no wildcards: e.g. "https://penvoice.app/callback"'),
          ),
      )
      .min(1),
    webOrigins: z
      .array(
        z
          .string()
          .regex(
            /^https:\/\/[^\s/*]+$/,
            hinted('must be an https:// origin', 'scheme and host only: "https://penvoice.app"'),
          ),
      )
      .min(1),
  }),
  /** Realm roles the app defines; the realm sync creates them and deletes the ones removed from here. */
  roles: z.array(dnsLabel()).default([]),
});

export const workloadSchema = z
  .strictObject({
    name: appName,
    /** The app's own domain; its API is served at `api.<domain>`. */
    domain: dnsName,
    /** Hosts routed to the API; each must be the domain or under it. Default: `api.<domain>`. */
    hosts: z.array(dnsName).min(1).optional(),
    image,
    /**
     * A `docker-registry` Secret (in the app's namespace) to pull a private image with, e.g. "ghcr-pull";
     * `false` for none. Default: the cluster's `imagePullSecret`. With the OCI Vault backend an
     * ExternalSecret creates it from the vault (`<name>--username`, `<name>--password`).
     */
    imagePullSecret: z.union([dnsLabel(253), z.literal(false)]).optional(),
    port: port.default(8080),
    /**
     * Readiness gates the canary (the seed API serves `/readyz`). Liveness restarts a pod that stops
     * answering, so it is off unless the app really serves the path; startup holds liveness back for
     * slow starters. All probe the `http` port.
     */
    probes: z
      .strictObject({
        readiness: httpPath.default('/readyz'),
        liveness: z.union([z.literal(false), httpPath]).default(false),
        startup: z.union([z.literal(false), httpPath]).default(false),
      })
      .default({ readiness: '/readyz', liveness: false, startup: false }),
    metrics: metrics.default(() => metrics.parse({})),
    env: z.record(envName, envValue).default({}),
    resources: resources.default({ requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } }),
    replicas: z.number().int().min(1).max(20).default(2),
    canary: canary.default(() => canary.parse({})),
    database: z.union([z.literal(false), database]).default(() => database.parse({})),
    migrations: z.union([z.literal(false), migrations]).default(() => migrations.parse({})),
    auth: z.union([z.literal(false), auth]).default(false),
    /** Extra egress destinations; none by default. */
    egress: z.array(egressRule).default([]),
    /** Extra ConfigMaps: name → key → value. */
    configMaps: z.record(dnsLabel(253), z.record(dataKey, z.string())).default({}),
  })
  // `when`: the cross-field checks run even when a field failed its own check, so a definition lists every
  // problem of both kinds at once. A field that failed may hold any value here: a check that cannot read
  // its inputs adds nothing (the field's own problem is already reported).
  .superRefine(
    (w, ctx) => {
      const issue = (path: PropertyKey[], message: string, hint: string) =>
        ctx.addIssue({ code: 'custom', path, message: withHint(message, hint) });
      const checkResources = (path: PropertyKey[], r: z.infer<typeof resources>) => {
        if (parseQuantity(r.requests.memory) > parseQuantity(r.limits.memory)) {
          issue(
            [...path, 'requests', 'memory'],
            `request ${r.requests.memory} is above the limit ${r.limits.memory}`,
            'raise the limit or lower the request',
          );
        }
        if (parseQuantity(r.requests.cpu) > parseQuantity(r.limits.cpu)) {
          issue(
            [...path, 'requests', 'cpu'],
            `request ${r.requests.cpu} is above the limit ${r.limits.cpu}`,
            'raise the limit or lower the request',
          );
        }
      };
      const checks: (() => void)[] = [
        () =>
          (w.hosts ?? []).forEach((host, i) => {
            if (host !== w.domain && !host.endsWith(`.${w.domain}`)) {
              issue(
                ['hosts', i],
                `"${host}" is outside the app domain "${w.domain}"`,
                `use "api.${w.domain}" or another name under it`,
              );
            }
          }),
        () =>
          w.canary.steps.forEach((weight, i) => {
            const previous = w.canary.steps[i - 1];
            if (previous !== undefined && weight <= previous) {
              issue(
                ['canary', 'steps', i],
                `weight ${weight} does not increase (previous ${previous})`,
                'use increasing weights, e.g. [25, 50, 75]',
              );
            }
          }),
        () => {
          if (w.canary.trafficRouting !== 'replicas') return;
          w.canary.steps.forEach((weight, i) => {
            const actual = replicaCanaryWeight(w.replicas, weight);
            if (Math.abs(actual - weight) > WEIGHT_TOLERANCE) {
              issue(
                ['canary', 'steps', i],
                `with ${w.replicas} replicas Argo Rollouts runs weight ${weight} as ${actual.toFixed(0)} % (whole pods)`,
                `use trafficRouting: 'traefik' for exact weights, or weights ${w.replicas} replicas can express: ${expressibleWeights(w.replicas).join(', ')}`,
              );
            }
          });
        },
        // Values that did not parse are NaN and compare false.
        () => {
          if (parseDuration(w.canary.interval) < 10) {
            issue(
              ['canary', 'interval'],
              'must be at least 10s',
              'Prometheus scrapes every 15s; shorter intervals see no new data',
            );
          }
        },
        () => checkResources(['resources'], w.resources),
        () => {
          if (w.database) checkResources(['database', 'resources'], w.database.resources);
        },
        () => {
          if (w.migrations && !w.database) {
            issue(['migrations'], 'needs a database', 'set `migrations: false` or enable `database`');
          }
        },
        () => {
          for (const [name, value] of Object.entries(w.env)) {
            if (name === 'DB_URL' && w.database) {
              issue(
                ['env', name],
                'is set by the kit from the database secret',
                'remove it; the app reads DB_URL from <app>-pg-app key uri',
              );
            }
            if (typeof value === 'object' && 'configMap' in value && !(value.configMap in w.configMaps)) {
              issue(
                ['env', name, 'configMap'],
                `ConfigMap "${value.configMap}" is not defined`,
                'add it under `configMaps`',
              );
            }
          }
        },
      ];
      for (const check of checks) {
        try {
          check();
        } catch {
          // One of this check's inputs failed its own validation, which is reported already.
        }
      }
    },
    { when: () => true },
  );

export type WorkloadInput = z.input<typeof workloadSchema>;
export type Workload = z.output<typeof workloadSchema> & { hosts: string[] };
