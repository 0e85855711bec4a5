import {
  dns1035Label,
  dnsLabel,
  dnsName,
  LONGEST_SUFFIX,
  RESERVED_NAMES,
  RESERVED_REALMS,
  reservedBecause,
  withHint,
} from '@ultron/platform/core';
import * as z from 'zod';
import { auth } from '../capabilities/auth/schema.js';
import { canary, canaryChecks } from '../capabilities/canary/schema.js';
import { configChecks, configFields } from '../capabilities/config/schema.js';
import { database, databaseChecks } from '../capabilities/database/schema.js';
import { edgeChecks, hosts } from '../capabilities/edge/schema.js';
import { migrations, migrationsChecks } from '../capabilities/migrations/schema.js';
import { metrics } from '../capabilities/monitoring/schema.js';
import { egressRule } from '../capabilities/network/schema.js';
import { type Check, checkResources, hinted, type Issue, resources } from '../parts/schema-fields.js';

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

export const workloadSchema = z
  .strictObject({
    name: appName,
    /** The app's own domain; its API is served at `api.<domain>`. */
    domain: dnsName,
    hosts,
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
    env: configFields.env,
    resources: resources.default({ requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } }),
    replicas: z.number().int().min(1).max(20).default(2),
    canary: canary.default(() => canary.parse({})),
    database: z.union([z.literal(false), database]).default(() => database.parse({})),
    migrations: z.union([z.literal(false), migrations]).default(() => migrations.parse({})),
    auth: z.union([z.literal(false), auth]).default(false),
    /** Extra egress destinations; none by default. */
    egress: z.array(egressRule).default([]),
    configMaps: configFields.configMaps,
  })
  // `when`: the cross-field checks run even when a field failed its own check, so a definition lists every
  // problem of both kinds at once. A field that failed may hold any value here: a check that cannot read
  // its inputs adds nothing (the field's own problem is already reported).
  .superRefine(
    (w, ctx) => {
      const issue: Issue = (path, message, hint) =>
        ctx.addIssue({ code: 'custom', path, message: withHint(message, hint) });
      const checks: Check[] = [
        ...edgeChecks(w, issue),
        ...canaryChecks(w, issue),
        () => checkResources(issue, ['resources'], w.resources),
        ...databaseChecks(w, issue),
        ...migrationsChecks(w, issue),
        ...configChecks(w, issue),
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
