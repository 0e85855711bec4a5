import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmBootstrapComponent } from '../component.js';
import { argoEventsRelease } from './values.js';

/** Argo Events (event sources and sensors); in Argo CD's namespace, whose policy the argocd component holds. */
export const ARGO_EVENTS_COMPONENT = {
  name: 'argo-events',
  install: 'helm-bootstrap',
  namespace: PLATFORM_NAMESPACES.argocd,
  crdGroups: ['argoproj.io'],
  services: [],
  release: argoEventsRelease,
} as const satisfies HelmBootstrapComponent;
