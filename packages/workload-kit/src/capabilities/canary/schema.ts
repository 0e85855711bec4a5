import { duration } from '@ultron/platform/core';
import { z } from 'zod';
import { hinted } from '../../parts/schema-fields.js';

export const canary = z.strictObject({
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
