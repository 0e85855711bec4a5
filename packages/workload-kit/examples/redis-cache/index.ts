import { quantity } from '@ultron/platform/core';
import type { Capability, Workload } from '@ultron/workload-kit';
import { z } from 'zod';
import { redisDeployment, redisNames, redisNetworkPolicy, redisResources, redisService } from './objects.js';

/** `redis: { memory }` in a definition turns the cache on; `false` (the default) leaves it off. */
const redisField = z
  .union([z.literal(false), z.strictObject({ memory: quantity.default('128Mi') })])
  .default(false);

type Redis = Exclude<z.output<typeof redisField>, false>;
const optionsOf = (w: Workload) => (w as Workload & { redis?: Redis | false }).redis || null;

/**
 * An optional Redis cache beside the app: its Deployment and Service, a NetworkPolicy admitting only the
 * app's pods, the app's egress to it, `REDIS_URL`/`REDIS_PASSWORD` in the app's environment (the password
 * from a Secret the kit never renders), its budget, and a backup note (a cache needs none).
 */
export const redisCache: Capability = {
  name: 'redis-cache',
  fields: { redis: redisField },
  enabled: (w) => optionsOf(w) !== null,
  contributes: ({ w }) => {
    const options = optionsOf(w)!;
    const n = redisNames(w.name);
    return {
      servingEnv: [
        { name: 'REDIS_URL', value: `redis://${n.name}:${n.port}` },
        { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: n.secret, key: n.secretKey } } },
      ],
      podLabels: { [n.clientLabel]: 'true' },
      egress: [
        {
          name: 'redis',
          reason: 'the Redis cache of the app',
          to: [{ podSelector: { matchLabels: n.selector } }],
          ports: [{ protocol: 'TCP', port: n.port }],
        },
      ],
      secrets: [
        {
          namespace: n.namespace,
          name: n.secret,
          keys: [n.secretKey],
          madeBy: 'out of band (a person, or an ExternalSecret from the vault)',
        },
      ],
      budget: [{ what: 'Redis cache', count: 1, ...redisResources(options.memory) }],
      backups: [
        {
          object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: n.namespace, name: n.name },
          note: 'none: a cache, refilled by the app after a restart; the database holds the data',
        },
      ],
    };
  },
  render: ({ w }) => ({
    objects: [
      redisDeployment(w.name, optionsOf(w)!.memory),
      redisService(w.name),
      redisNetworkPolicy(w.name),
    ],
  }),
};
