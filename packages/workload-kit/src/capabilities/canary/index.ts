import { appNames } from '@ultron/platform/core';
import { resources } from '../../parts/pod.js';
import type { Capability } from '../capability.js';
import { workloadReadme } from './readme.js';
import { analysisTemplate, rollout } from './rollout.js';

/** The app's pods as an Argo Rollout released by a metric-gated canary, and the folder's README about it. */
export const canary: Capability = {
  name: 'canary',
  contributes: ({ w }) => ({
    budget: [{ what: `${w.name} API pods`, count: w.replicas, ...resources(w) }],
    // Argo Rollouts owns the TraefikService weights; without this Argo CD would fight it.
    ignoreDifferences:
      w.canary.trafficRouting === 'traefik'
        ? [
            {
              group: 'traefik.io',
              kind: 'TraefikService',
              name: appNames(w.name).service,
              jsonPointers: ['/spec/weighted/services'],
            },
          ]
        : [],
  }),
  render: ({ cluster, w }, merged) => ({
    objects: [rollout(w, merged), analysisTemplate(cluster, w)],
    files: { 'README.md': workloadReadme(w, merged.alerts) },
  }),
};
