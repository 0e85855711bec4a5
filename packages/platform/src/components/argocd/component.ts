import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmBootstrapComponent } from '../component.js';
import { ARGOCD_NAMESPACE_POLICY } from './namespace.js';
import { argoCdRelease } from './values.js';

/** Argo CD itself; its namespace also holds Rollouts, Workflows and Events. */
export const ARGOCD_COMPONENT = {
  name: 'argocd',
  install: 'helm-bootstrap',
  namespace: PLATFORM_NAMESPACES.argocd,
  crdGroups: ['argoproj.io'],
  services: [],
  namespacePolicy: ARGOCD_NAMESPACE_POLICY,
  release: argoCdRelease,
} as const satisfies HelmBootstrapComponent;
