/**
 * What a replica-based canary really runs at. Without traffic routing, Argo Rollouts v1.9 can only
 * approximate a weight with whole pods: it considers the canary count rounded up and down, at the
 * spec's replica count and (with the default 25 % maxSurge) one pod more, and keeps the option
 * closest to the requested weight (utils/replicaset/canary.go at the v1.9.0 tag). Two replicas at
 * 25 % therefore run 1 canary + 2 stable pods: 33 %, not 25 %.
 */

/** How far (in percentage points) the weight that happens may be from the one written. */
export const WEIGHT_TOLERANCE = 5;

/** Rollouts' default canary maxSurge of 25 %, rounded up to whole pods. */
const defaultMaxSurge = (replicas: number) => Math.ceil(replicas * 0.25);

/** The canary share (0–100) Argo Rollouts runs for `weight` with `replicas` pods. */
export function replicaCanaryWeight(replicas: number, weight: number): number {
  if (weight >= 100) return 100;
  const exact = (replicas * weight) / 100;
  const ceil = Math.ceil(exact);
  const floor = Math.floor(exact);
  // Rollouts skips the rounded-down count when rounding either way is equally far.
  const tied = (total: number) => ((total * weight) / 100) % 1 === 0.5;
  const zeroAllowed = weight === 0 || (replicas === 1 && defaultMaxSurge(replicas) === 0);
  const options: [canary: number, total: number][] = [];
  if (ceil < replicas || zeroAllowed) options.push([ceil, replicas]);
  if (!tied(replicas) && (floor !== 0 || zeroAllowed)) options.push([floor, replicas]);
  if (defaultMaxSurge(replicas) > 0) {
    options.push([ceil, replicas + 1]);
    if (!tied(replicas + 1) && (floor !== 0 || zeroAllowed)) options.push([floor, replicas + 1]);
  }
  const share = ([canary, total]: [number, number]) => (canary * 100) / total;
  // The first option wins a tie, as in Rollouts (strictly smaller delta replaces the best).
  let best = options[0] ?? [0, replicas];
  for (const option of options.slice(1)) {
    if (Math.abs(share(option) - weight) < Math.abs(share(best) - weight)) best = option;
  }
  return share(best);
}

/** Weights from 1 to 99 that `replicas` pods run within the tolerance, for the error hint. */
export function expressibleWeights(replicas: number): number[] {
  const weights: number[] = [];
  for (let w = 5; w < 100; w += 5) {
    if (Math.abs(replicaCanaryWeight(replicas, w) - w) <= WEIGHT_TOLERANCE) weights.push(w);
  }
  return weights;
}
