import { AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import type { ICanaryStep } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/CanaryStep';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { appNames, type Cluster, commonLabels, prometheusAddress } from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';
import { appContainer, appVolumes, podLabels, podSecurityContext, pullSecrets } from '../../parts/pod.js';
import type { MergedContributions } from '../capability.js';
import { CANARY_HASH_ARG, GATE_WINDOW, gateConditions, gateQuery } from '../monitoring/queries.js';

/** 25 → pause → 50 → pause → 75 → pause → promote. */
export function canarySteps(w: Workload): ICanaryStep[] {
  return w.canary.steps.flatMap((weight) => [{ setWeight: weight }, { pause: { duration: w.canary.pause } }]);
}

/**
 * The canary gate (SPEC: metric `success-rate`, every 30s, failureLimit 2, ≥ 0.95), measured on the
 * canary's pods only: the Rollout passes the canary ReplicaSet's pod-template hash as an argument.
 * The first measurement waits one rate window, so the canary's own series exist by then.
 */
export function analysisTemplate(cluster: Cluster, w: Workload): AnalysisTemplate {
  const names = appNames(w.name);
  return new AnalysisTemplate({
    metadata: { name: names.analysisTemplate, namespace: names.namespace, labels: commonLabels(w.name) },
    spec: {
      args: [{ name: CANARY_HASH_ARG }],
      metrics: [
        {
          name: 'success-rate',
          initialDelay: GATE_WINDOW,
          interval: w.canary.interval,
          failureLimit: w.canary.failureLimit,
          ...gateConditions(w),
          provider: { prometheus: { address: prometheusAddress(cluster), query: gateQuery(w) } },
        },
      ],
    },
  });
}

/** The app's Rollout: its pod carries what the other capabilities contribute (env, labels, volumes). */
export function rollout(w: Workload, merged: MergedContributions): Rollout {
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
            ...merged.podLabels,
          },
        },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurityContext,
          ...pullSecrets(w),
          containers: [appContainer(w, merged)],
          volumes: appVolumes(merged),
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
          analysis: {
            templates: [{ templateName: names.analysisTemplate }],
            startingStep: 1,
            args: [{ name: CANARY_HASH_ARG, valueFrom: { podTemplateHashValue: 'Latest' } }],
          },
          steps: canarySteps(w),
        },
      },
    },
  });
}
