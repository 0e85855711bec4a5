import { ARGOCD, appNames, commonLabels, LABELS } from '@ultron/platform/core';
import { Job } from 'kubernetes-models/batch/v1/Job';
import type { Workload } from '../definition/schema.js';
import {
  containerEnv,
  containerSecurityContext,
  podSecurityContext,
  pullSecrets,
  tmpMount,
  tmpVolume,
} from './pod.js';

/**
 * The schema migrations, run from the app image (which bundles the migrate CLI) as an Argo CD PreSync
 * hook, so the schema moves before any new pod starts. The database lives in its own Application synced
 * in an earlier wave, so on a fresh cluster the `<app>-pg-app` secret exists before this hook runs.
 */
export function migrationsJob(w: Workload): Job | null {
  if (!w.migrations || !w.database) return null;
  const names = appNames(w.name);
  return new Job({
    metadata: {
      name: names.migrationsJob,
      namespace: names.namespace,
      labels: commonLabels(w.name, 'migrations'),
      annotations: {
        [ARGOCD.hook]: 'PreSync',
        // Delete the previous run before the next sync creates it again: every sync migrates.
        [ARGOCD.hookDeletePolicy]: 'BeforeHookCreation',
      },
    },
    spec: {
      backoffLimit: w.migrations.backoffLimit,
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
              command: w.migrations.command,
              env: containerEnv(w),
              resources: {
                requests: { cpu: w.resources.requests.cpu, memory: w.resources.requests.memory },
                limits: { memory: w.resources.limits.memory },
              },
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
