import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmBootstrapComponent } from '../component.js';
import { argoRolloutsRelease } from './values.js';

/** Argo Rollouts, the canary controller; in Argo CD's namespace, whose policy the argocd component holds. */
export const ARGO_ROLLOUTS_COMPONENT = {
  name: 'argo-rollouts',
  install: 'helm-bootstrap',
  namespace: PLATFORM_NAMESPACES.argocd,
  crdGroups: ['argoproj.io'],
  services: [],
  release: argoRolloutsRelease,
} as const satisfies HelmBootstrapComponent;
