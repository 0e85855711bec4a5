import { backupRetention, cnpgSchedule, dnsLabel, quantity } from '@ultron/platform/core';
import * as z from 'zod';
import { type Check, checkResources, type Issue, resources } from '../../parts/schema-fields.js';

export const database = z.strictObject({
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

/** The database's requests within its limits. */
export function databaseChecks(w: { database: z.infer<typeof database> | false }, issue: Issue): Check[] {
  return [
    () => {
      if (w.database) checkResources(issue, ['database', 'resources'], w.database.resources);
    },
  ];
}
