import { ARGO_EVENTS_COMPONENT } from './argo-events/component.js';
import { ARGO_ROLLOUTS_COMPONENT } from './argo-rollouts/component.js';
import { ARGO_WORKFLOWS_COMPONENT } from './argo-workflows/component.js';
import { ARGOCD_COMPONENT } from './argocd/component.js';
import { BARMAN_CLOUD_PLUGIN_COMPONENT } from './barman-cloud-plugin/component.js';
import { CERT_MANAGER_COMPONENT } from './cert-manager/component.js';
import { CNPG_OPERATOR_COMPONENT } from './cnpg-operator/component.js';
import type { Component } from './component.js';
import { EXTERNAL_SECRETS_COMPONENT } from './external-secrets/component.js';
import { KEYCLOAK_COMPONENT } from './keycloak/component.js';
import { KEYCLOAK_OPERATOR_COMPONENT } from './keycloak-operator/component.js';
import { KUBE_PROMETHEUS_STACK_COMPONENT } from './kube-prometheus-stack/component.js';
import { TRAEFIK_COMPONENT } from './traefik/component.js';

/**
 * Every platform component, in bootstrap order: the bootstrap installs (and tunes) the `helm-bootstrap`
 * and `k3s` ones in this order, then Argo CD syncs the `argocd` ones by their waves. The bootstrap plan,
 * the platform AppProject, the platform namespaces, the reserved names and the rules that need CRD
 * providers or operator Services all read this list. Adding a component is its folder plus one line here.
 */
export const COMPONENTS: readonly Component[] = [
  CERT_MANAGER_COMPONENT,
  KUBE_PROMETHEUS_STACK_COMPONENT,
  TRAEFIK_COMPONENT,
  ARGOCD_COMPONENT,
  ARGO_ROLLOUTS_COMPONENT,
  ARGO_WORKFLOWS_COMPONENT,
  ARGO_EVENTS_COMPONENT,
  CNPG_OPERATOR_COMPONENT,
  BARMAN_CLOUD_PLUGIN_COMPONENT,
  EXTERNAL_SECRETS_COMPONENT,
  KEYCLOAK_OPERATOR_COMPONENT,
  KEYCLOAK_COMPONENT,
];
