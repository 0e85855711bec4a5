import { appNames, commonLabels, LABELS, SYNC_WAVE } from '@ultron/platform/core';
import { Job } from 'kubernetes-models/batch/v1/Job';
import type { Workload } from '../../definition/schema.js';

export type Migrations = Exclude<Workload['migrations'], false>;

/** The app's own requests, and its memory limit: a migration is no bigger than the app. */
export function migrationsResources(w: Workload) {
  return {
    requests: { cpu: w.resources.requests.cpu, memory: w.resources.requests.memory },
    limits: { memory: w.resources.limits.memory },
  };
}

import {
  containerSecurityContext,
  podSecurityContext,
  pullSecrets,
  tmpMount,
  tmpVolume,
} from '../../parts/pod.js';
import type { MergedContributions } from '../capability.js';

/**
 * The Job's name carries the image it migrates to, so one image migrates once. The tag when the image
 * has one (`sha-3f9c2a1`), otherwise the first 12 hex digits of its digest; cut to fit a DNS label.
 */
export function migrationsJobName(w: Workload): string {
  const prefix = `${appNames(w.name).migrationsJob}-`;
  const digest = /@sha256:([a-f0-9]{12})/.exec(w.image)?.[1];
  const tag = w.image.slice(w.image.lastIndexOf(':') + 1);
  const version = (digest ?? tag).toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return `${prefix}${version}`.slice(0, 63).replace(/-+$/, '');
}

/**
 * The schema migrations, run from the app image (which bundles the migrate CLI) one sync wave before
 * the Rollout, so the schema moves before any new pod starts. It is deliberately not an Argo CD hook:
 * a PreSync hook is deleted and run again on every sync attempt, so a failed canary (which fails the
 * sync) would replay migrations on each of the Application's retries. A plain Job named after its
 * image runs once per image: a retried or repeated sync finds it already there and leaves it alone,
 * and the next image's Job replaces it (the old one is pruned). Within that one run `backoffLimit`
 * retries a failed attempt, so the migrate command must be idempotent (golang-migrate's `up` is).
 * The database lives in its own Application synced in an earlier wave, so on a fresh cluster the
 * `<app>-pg-app` secret exists before this Job starts.
 */
export function migrationsJob(w: Workload, migrations: Migrations, merged: MergedContributions): Job {
  const names = appNames(w.name);
  return new Job({
    metadata: {
      name: migrationsJobName(w),
      namespace: names.namespace,
      labels: commonLabels(w.name, 'migrations'),
      // Argo CD applies the next wave only once this Job is Healthy (complete); a failed Job stops the sync.
      annotations: { [SYNC_WAVE]: String(MIGRATIONS_WAVE) },
    },
    spec: {
      backoffLimit: migrations.backoffLimit,
      // A stuck migration fails the sync instead of blocking it forever.
      activeDeadlineSeconds: 600,
      template: {
        metadata: { labels: { ...commonLabels(w.name, 'migrations'), [LABELS.dbClient]: 'true' } },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurityContext,
          ...pullSecrets(w),
          containers: [
            {
              name: 'migrate',
              image: w.image,
              command: migrations.command,
              // DB_URL as the app reads it, and the same owner's credentials as libpq variables, so a
              // migrate CLI can take them from the environment instead of its command line.
              env: [
                ...merged.env,
                ...(['username', 'password'] as const).map((key) => ({
                  name: key === 'username' ? 'PGUSER' : 'PGPASSWORD',
                  valueFrom: { secretKeyRef: { name: names.pgAppSecret, key } },
                })),
              ],
              resources: migrationsResources(w),
              securityContext: containerSecurityContext,
              volumeMounts: [tmpMount],
            },
          ],
          volumes: [tmpVolume],
        },
      },
    },
  });
}

/** Before everything else in the app's folder (which syncs at the default wave 0). */
const MIGRATIONS_WAVE = -1;
