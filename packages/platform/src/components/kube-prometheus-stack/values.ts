import { alertingSecrets, alertmanagerConfig } from '../../alerting/alertmanager.js';
import { charts } from '../../catalog/versions.js';
import type { Cluster } from '../../cluster/schema.js';
import { GRAFANA_DASHBOARD_LABEL, PLATFORM_NAMESPACES } from '../../conventions/names.js';
import type { HelmRelease } from '../component.js';
import { sized } from '../sizing.js';

/** Grafana's in-cluster service (it is never exposed publicly; use `kubectl port-forward`). */
export function grafanaService(cluster: Cluster): string {
  return `${cluster.monitoring.prometheusRelease}-grafana`;
}

export function kubePrometheusStackRelease(cluster: Cluster): HelmRelease {
  const release = cluster.monitoring.prometheusRelease;
  const [dashboardLabel, dashboardValue] = Object.entries(GRAFANA_DASHBOARD_LABEL)[0]!;
  return {
    release,
    namespace: cluster.monitoring.namespace,
    chart: charts.kubePrometheusStack,
    timeout: '15m',
    why: 'before Argo CD and Traefik tuning: it brings the ServiceMonitor/PodMonitor CRDs every later component uses',
    values: {
      // k3s runs the control plane in one process and binds these components' metrics to localhost:
      // scraping them only produces permanent TargetDown alerts.
      kubeControllerManager: { enabled: false },
      kubeScheduler: { enabled: false },
      kubeProxy: { enabled: false },
      kubeEtcd: { enabled: false },
      prometheusOperator: {
        resources: sized('50m', '128Mi', '500m', '256Mi'),
        prometheusConfigReloader: { resources: sized('10m', '32Mi', '100m', '64Mi') },
        admissionWebhooks: { patch: { resources: sized('10m', '32Mi', '100m', '64Mi') } },
      },
      prometheus: {
        prometheusSpec: {
          // Only monitors labelled `release: <release>` are selected (the chart's default, kept on
          // purpose): every ServiceMonitor/PodMonitor the kit renders carries that label.
          serviceMonitorSelectorNilUsesHelmValues: true,
          podMonitorSelectorNilUsesHelmValues: true,
          ruleSelectorNilUsesHelmValues: true,
          retention: '10d',
          retentionSize: '8GB',
          resources: sized('200m', '1Gi', '1', '2Gi'),
          storageSpec: {
            volumeClaimTemplate: {
              spec: {
                storageClassName: cluster.storageClass,
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: '10Gi' } },
              },
            },
          },
        },
        // cert-manager is installed before the ServiceMonitor CRD exists, so its monitor lives here.
        additionalServiceMonitors: [
          {
            name: 'cert-manager',
            additionalLabels: { release },
            namespaceSelector: { matchNames: [PLATFORM_NAMESPACES.certManager] },
            selector: {
              matchLabels: {
                'app.kubernetes.io/name': 'cert-manager',
                'app.kubernetes.io/component': 'controller',
              },
            },
            endpoints: [{ port: 'tcp-prometheus-servicemonitor', path: '/metrics', interval: '60s' }],
          },
        ],
      },
      alertmanager: {
        // Receivers from the cluster definition; `amtool check-config` checks this in the tests.
        config: alertmanagerConfig(cluster),
        alertmanagerSpec: {
          resources: sized('10m', '64Mi', '100m', '128Mi'),
          // Mounted at /etc/alertmanager/secrets/<name>/; the config reads credentials from there.
          secrets: [...alertingSecrets(cluster).keys()],
        },
      },
      grafana: {
        // Not public: no Ingress. Operators reach it with `kubectl port-forward`.
        ingress: { enabled: false },
        resources: sized('50m', '192Mi', '500m', '512Mi'),
        sidecar: {
          // Apps ship dashboards as labelled ConfigMaps in their own namespaces.
          dashboards: {
            enabled: true,
            label: dashboardLabel,
            labelValue: dashboardValue,
            searchNamespace: 'ALL',
          },
          resources: sized('10m', '64Mi', '100m', '128Mi'),
        },
      },
      'kube-state-metrics': { resources: sized('20m', '64Mi', '200m', '256Mi') },
      'prometheus-node-exporter': { resources: sized('20m', '32Mi', '200m', '64Mi') },
    },
    policy: {
      // The Prometheus CRD's StorageSpec, passed to the Prometheus object as is.
      freeForm: [
        'prometheus.prometheusSpec.storageSpec',
        // Alertmanager's own configuration file, checked by amtool instead.
        'alertmanager.config',
      ],
      // Documented in the grafana, kube-state-metrics and prometheus-node-exporter subcharts' defaults.
      subchartKeys: [
        'grafana.resources',
        'grafana.sidecar.resources',
        'kube-state-metrics.resources',
        'prometheus-node-exporter.resources',
      ],
      unusedResources: [
        'thanosRuler.thanosRulerSpec.resources', // thanosRuler.enabled is false by default
        'prometheusOperator.admissionWebhooks.deployment.resources', // a separate webhook deployment is off by default
        'crds.upgradeJob.resources', // crds.upgradeJob.enabled is false by default
      ],
    },
  };
}
