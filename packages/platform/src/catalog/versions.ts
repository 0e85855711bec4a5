/**
 * The one version catalog. The Helm bootstrap, the Argo CD Applications and the docs all read these
 * pins; nothing else in the repo spells a version. Renovate finds them through the `renovate:` comments
 * (see renovate.json at the repo root), so keep each pin (chart `version` and `appVersion` alike) on one
 * line below its comment. A chart and its appVersion are grouped into one pull request.
 */

export interface HelmChartPin {
  /** Helm repository URL. */
  repo: string;
  chart: string;
  version: string;
  /** The application version the chart ships, for docs and image checks. */
  appVersion: string;
}

export const charts = {
  certManager: {
    repo: 'https://charts.jetstack.io',
    chart: 'cert-manager',
    // renovate: datasource=helm registryUrl=https://charts.jetstack.io depName=cert-manager
    version: 'v1.20.2',
    // renovate: datasource=github-releases depName=cert-manager/cert-manager
    appVersion: 'v1.20.2',
  },
  kubePrometheusStack: {
    repo: 'https://prometheus-community.github.io/helm-charts',
    chart: 'kube-prometheus-stack',
    // renovate: datasource=helm registryUrl=https://prometheus-community.github.io/helm-charts depName=kube-prometheus-stack
    version: '86.2.3',
    // renovate: datasource=github-releases depName=prometheus-operator/prometheus-operator
    appVersion: 'v0.91.0',
  },
  argoCd: {
    repo: 'https://argoproj.github.io/argo-helm',
    chart: 'argo-cd',
    // renovate: datasource=helm registryUrl=https://argoproj.github.io/argo-helm depName=argo-cd
    version: '9.5.21',
    // renovate: datasource=github-releases depName=argoproj/argo-cd
    appVersion: 'v3.4.3',
  },
  argoRollouts: {
    repo: 'https://argoproj.github.io/argo-helm',
    chart: 'argo-rollouts',
    // renovate: datasource=helm registryUrl=https://argoproj.github.io/argo-helm depName=argo-rollouts
    version: '2.41.0',
    // renovate: datasource=github-releases depName=argoproj/argo-rollouts
    appVersion: 'v1.9.0',
  },
  argoWorkflows: {
    repo: 'https://argoproj.github.io/argo-helm',
    chart: 'argo-workflows',
    // renovate: datasource=helm registryUrl=https://argoproj.github.io/argo-helm depName=argo-workflows
    version: '1.0.15',
    // renovate: datasource=github-releases depName=argoproj/argo-workflows
    appVersion: 'v4.0.6',
  },
  argoEvents: {
    repo: 'https://argoproj.github.io/argo-helm',
    chart: 'argo-events',
    // renovate: datasource=helm registryUrl=https://argoproj.github.io/argo-helm depName=argo-events
    version: '2.4.21',
    // renovate: datasource=github-releases depName=argoproj/argo-events
    appVersion: 'v1.9.10',
  },
  cloudnativePg: {
    repo: 'https://cloudnative-pg.github.io/charts',
    chart: 'cloudnative-pg',
    // renovate: datasource=helm registryUrl=https://cloudnative-pg.github.io/charts depName=cloudnative-pg
    version: '0.28.3',
    // renovate: datasource=github-releases depName=cloudnative-pg/cloudnative-pg extractVersion=^v(?<version>.+)$
    appVersion: '1.29.1',
  },
  /**
   * CNPG's Barman Cloud plugin (WAL archiving and base backups through an ObjectStore). Plugin releases
   * from v0.16 need CNPG ≥ 1.30: keep this at a release that supports `cloudnativePg.appVersion`.
   */
  barmanCloudPlugin: {
    repo: 'https://cloudnative-pg.github.io/charts',
    chart: 'plugin-barman-cloud',
    // renovate: datasource=helm registryUrl=https://cloudnative-pg.github.io/charts depName=plugin-barman-cloud
    version: '0.7.0',
    // renovate: datasource=github-releases depName=cloudnative-pg/plugin-barman-cloud
    appVersion: 'v0.13.0',
  },
  /** External Secrets Operator: Secrets from the OCI Vault (or any other store) as ExternalSecrets. */
  externalSecrets: {
    repo: 'https://charts.external-secrets.io',
    chart: 'external-secrets',
    // renovate: datasource=helm registryUrl=https://charts.external-secrets.io depName=external-secrets
    version: '2.9.0',
    // renovate: datasource=github-releases depName=external-secrets/external-secrets
    appVersion: 'v2.9.0',
  },
} as const satisfies Record<string, HelmChartPin>;

export interface GitManifestsPin {
  /** Git repository Argo CD reads the upstream manifests from. */
  repo: string;
  /** Tag (never a branch: the render must not move by itself). */
  version: string;
  /** Folder in that repository holding the manifests. */
  path: string;
}

export const manifests = {
  keycloakOperator: {
    repo: 'https://github.com/keycloak/keycloak-k8s-resources',
    // renovate: datasource=github-tags depName=keycloak/keycloak-k8s-resources
    version: '26.6.3',
    path: 'kubernetes',
  },
} as const satisfies Record<string, GitManifestsPin>;

/** Kubernetes API versions of the custom resources the kit renders, for the pinned operators. */
/**
 * The k3s release the node runs. Its bundled Traefik chart is what the `HelmChartConfig` tunes, so the two
 * move together: bump k3s, then check the Traefik values against that chart's schema.
 */
export interface K3sPin {
  /** A k3s release tag, passed to the installer as INSTALL_K3S_VERSION. */
  version: string;
  /** Version of the Traefik chart this k3s release ships (k3s repackages it as `<v>01+up<v>`). */
  bundledTraefikChart: string;
}

export const k3s = {
  // renovate: datasource=github-releases depName=k3s-io/k3s versioning=regex:^v(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)\+k3s(?<build>\d+)$
  version: 'v1.35.5+k3s1',
  bundledTraefikChart: '39.0.7',
} as const satisfies K3sPin;

export const apiVersions = {
  keycloak: 'k8s.keycloak.org/v2beta1',
  keycloakRealmImport: 'k8s.keycloak.org/v2beta1',
  cnpg: 'postgresql.cnpg.io/v1',
  barmanCloud: 'barmancloud.cnpg.io/v1',
  externalSecrets: 'external-secrets.io/v1',
  externalSecretsGenerators: 'generators.external-secrets.io/v1alpha1',
  traefik: 'traefik.io/v1alpha1',
  k3sHelm: 'helm.cattle.io/v1',
} as const;

export type ChartKey = keyof typeof charts;
