import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmBootstrapComponent } from '../component.js';
import { MONITORING_NAMESPACE_POLICY } from './namespace.js';
import { kubePrometheusStackRelease } from './values.js';

/** Prometheus, Alertmanager, Grafana and the Prometheus operator (its release is named by the cluster definition). */
export const KUBE_PROMETHEUS_STACK_COMPONENT = {
  name: 'kube-prometheus-stack',
  install: 'helm-bootstrap',
  namespace: PLATFORM_NAMESPACES.monitoring,
  crdGroups: ['monitoring.coreos.com'],
  services: [],
  namespacePolicy: MONITORING_NAMESPACE_POLICY,
  release: kubePrometheusStackRelease,
} as const satisfies HelmBootstrapComponent;
