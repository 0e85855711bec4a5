import { dnsLabel } from '@ultron/platform/core';
import { z } from 'zod';
import { hinted } from '../../parts/schema-fields.js';

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
