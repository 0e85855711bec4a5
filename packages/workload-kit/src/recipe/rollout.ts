import { AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import type { ICanaryStep } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/CanaryStep';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { appNames, type Cluster, commonLabels, LABELS, prometheusAddress } from '@ultron/platform/core';
import type { Workload } from '../definition/schema.js';
import { appContainer, podLabels, podSecurityContext, pullSecrets, tmpVolume } from './pod.js';

/** 25 → pause → 50 → pause → 75 → pause → promote. */
export function canarySteps(w: Workload): ICanaryStep[] {
  return w.canary.steps.flatMap((weight) => [{ setWeight: weight }, { pause: { duration: w.canary.pause } }]);
}

/** Share of non-5xx requests over the last minute; the canary fails below the threshold. */
export function successRateQuery(w: Workload): string {
  if (w.canary.query) return w.canary.query;
  const ns = appNames(w.name).namespace;
  return [
    `sum(rate(http_requests_total{namespace="${ns}",status!~"5.."}[1m]))`,
    '/',
    `sum(rate(http_requests_total{namespace="${ns}"}[1m]))`,
  ].join('\n');
}

export function analysisTemplate(cluster: Cluster, w: Workload): AnalysisTemplate {
  const names = appNames(w.name);
  return new AnalysisTemplate({
    metadata: { name: names.analysisTemplate, namespace: names.namespace, labels: commonLabels(w.name) },
    spec: {
      metrics: [
        {
          name: 'success-rate',
          interval: w.canary.interval,
          failureLimit: w.canary.failureLimit,
          successCondition: `result[0] >= ${w.canary.successThreshold}`,
          provider: { prometheus: { address: prometheusAddress(cluster), query: successRateQuery(w) } },
        },
      ],
    },
  });
}

export function rollout(cluster: Cluster, w: Workload): Rollout {
  const names = appNames(w.name);
  const traefik = w.canary.trafficRouting === 'traefik';
  return new Rollout({
    metadata: {
      name: names.rollout,
      namespace: names.namespace,
      labels: { ...commonLabels(w.name), ...podLabels(w) },
    },
    spec: {
      replicas: w.replicas,
      revisionHistoryLimit: 3,
      selector: { matchLabels: podLabels(w) },
      template: {
        metadata: {
          labels: {
            ...commonLabels(w.name),
            ...podLabels(w),
            ...(w.database ? { [LABELS.dbClient]: 'true' } : {}),
          },
        },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurityContext,
          ...pullSecrets(w),
          containers: [appContainer(cluster, w)],
          volumes: [tmpVolume],
        },
      },
      strategy: {
        canary: {
          ...(traefik
            ? {
                canaryService: names.canaryService,
                stableService: names.stableService,
                trafficRouting: { traefik: { weightedTraefikServiceName: names.service } },
              }
            : {}),
          // Background analysis from the first step: a failing success rate aborts and the Rollout
          // returns to the stable ReplicaSet by itself.
          analysis: { templates: [{ templateName: names.analysisTemplate }], startingStep: 1 },
          steps: canarySteps(w),
        },
      },
    },
  });
}
