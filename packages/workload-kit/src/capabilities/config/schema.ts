import { dnsLabel } from '@ultron/platform/core';
import * as z from 'zod';
import { type Check, hinted, type Issue } from '../../parts/schema-fields.js';

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

/** The definition's `env` and `configMaps` fields. */
export const configFields = {
  env: z.record(envName, envValue).default({}),
  /** Extra ConfigMaps: name → key → value. */
  configMaps: z.record(dnsLabel(253), z.record(dataKey, z.string())).default({}),
};

/** The env names no variable the kit sets, and references only ConfigMaps the definition defines. */
export function configChecks(
  w: {
    env: z.infer<typeof configFields.env>;
    configMaps: z.infer<typeof configFields.configMaps>;
    database: unknown;
  },
  issue: Issue,
): Check[] {
  return [
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
}
