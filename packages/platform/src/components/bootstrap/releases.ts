import type { Cluster } from '../../cluster/schema.js';
import type { HelmRelease } from './release.js';
import { argoCdRelease } from './values/argo-cd.js';
import { argoEventsRelease } from './values/argo-events.js';
import { argoRolloutsRelease } from './values/argo-rollouts.js';
import { argoWorkflowsRelease } from './values/argo-workflows.js';
import { certManagerRelease } from './values/cert-manager.js';
import { kubePrometheusStackRelease } from './values/kube-prometheus-stack.js';

/** The one-time Helm layer, in install order (each release's `why` says why it sits where it does). */
export function helmReleases(cluster: Cluster): HelmRelease[] {
  return [
    certManagerRelease(cluster),
    kubePrometheusStackRelease(cluster),
    argoCdRelease(cluster),
    argoRolloutsRelease(cluster),
    argoWorkflowsRelease(cluster),
    argoEventsRelease(cluster),
  ];
}
