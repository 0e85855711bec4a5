import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { Workload } from '../../definition/schema.js';

/** The definition's env in name order (stable output): values, and references to Secret or ConfigMap keys. */
export function definitionEnv(w: Workload): IEnvVar[] {
  return Object.keys(w.env)
    .sort()
    .map((name): IEnvVar => {
      const value = w.env[name]!;
      if (typeof value === 'string') return { name, value };
      if ('secret' in value)
        return { name, valueFrom: { secretKeyRef: { name: value.secret, key: value.key } } };
      return { name, valueFrom: { configMapKeyRef: { name: value.configMap, key: value.key } } };
    });
}
