import { duration, parseDuration } from '@ultron/platform/core';
import * as z from 'zod';
import { type Check, hinted, type Issue } from '../../parts/schema-fields.js';
import { expressibleWeights, replicaCanaryWeight, WEIGHT_TOLERANCE } from './weights.js';

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

/** The canary's checks against the rest of the definition: increasing weights the replicas can run, an interval Prometheus can see. */
export function canaryChecks(w: { replicas: number; canary: z.infer<typeof canary> }, issue: Issue): Check[] {
  return [
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
  ];
}
