import { describe, expect, it } from 'vitest';
import { expressibleWeights, replicaCanaryWeight } from '../../../src/capabilities/canary/weights.js';

/** What Argo Rollouts v1.9 really runs for a replica-based canary (whole pods, default 25 % maxSurge). */
describe('replica-based canary weights', () => {
  it.each([
    [2, 25, 100 / 3], // 1 canary + 2 stable: the issue's ~33 %
    [2, 50, 50],
    [2, 75, 200 / 3],
    [4, 25, 25],
    [4, 50, 50],
    [4, 75, 75],
    [10, 10, 10],
    [1, 50, 50],
    [3, 100, 100],
  ])('%i replicas at %i %% run %f %%', (replicas, weight, actual) => {
    expect(replicaCanaryWeight(replicas, weight)).toBeCloseTo(actual, 6);
  });

  it('lists the weights a replica count can express', () => {
    // 2 pods can only run 33, 50 or 67 %: these weights land within 5 points of one of them.
    expect(expressibleWeights(2)).toEqual([30, 35, 45, 50, 55, 65, 70]);
    expect(expressibleWeights(4)).toContain(25);
  });
});
