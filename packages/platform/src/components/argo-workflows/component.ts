import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmBootstrapComponent } from '../component.js';
import { argoWorkflowsRelease } from './values.js';

/** Argo Workflows (batch and CI-style workflows); in Argo CD's namespace, whose policy the argocd component holds. */
export const ARGO_WORKFLOWS_COMPONENT = {
  name: 'argo-workflows',
  install: 'helm-bootstrap',
  namespace: PLATFORM_NAMESPACES.argocd,
  crdGroups: ['argoproj.io'],
  services: [],
  release: argoWorkflowsRelease,
} as const satisfies HelmBootstrapComponent;
