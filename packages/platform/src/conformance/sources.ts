import { charts, k3s, manifests } from '../catalog/versions.js';

/**
 * CRD sources that are not a pin of the catalog (k3s bundles them, no version of its own to follow).
 * Renovate reads the comment above each (renovate.json), so keep each on one line below its comment.
 */
const K3S_CRD_REFS = {
  // renovate: datasource=github-tags depName=k3s-io/helm-controller
  helmController: 'v0.17.7',
} as const;

/**
 * Where the CRDs of the pinned versions live upstream, so `ultron validate` and the conformance tests
 * can fetch exactly the schemas the cluster will run. Derived from the catalog: bumping a pin moves these.
 */
const raw = (repo: string, ref: string, path: string) =>
  `https://raw.githubusercontent.com/${repo}/${ref}/${path}`;

const argoHelm = (chart: string, version: string, files: string[]) =>
  files.map((f) => raw('argoproj/argo-helm', `${chart}-${version}`, `charts/${chart}/templates/crds/${f}`));

export function crdSourceUrls(): string[] {
  const cm = charts.certManager.version;
  const kps = charts.kubePrometheusStack.version;
  const cnpg = `v${charts.cloudnativePg.appVersion}`;
  const kc = manifests.keycloakOperator.version;
  return [
    ...argoHelm('argo-cd', charts.argoCd.version, ['crd-application.yaml', 'crd-appproject.yaml']),
    ...argoHelm('argo-rollouts', charts.argoRollouts.version, [
      'rollout-crd.yaml',
      'analysis-template-crd.yaml',
    ]),
    ...['certificates', 'clusterissuers', 'issuers'].map((k) =>
      raw('cert-manager/cert-manager', cm, `deploy/crds/cert-manager.io_${k}.yaml`),
    ),
    ...['servicemonitors', 'podmonitors', 'prometheusrules'].map((k) =>
      raw(
        'prometheus-community/helm-charts',
        `kube-prometheus-stack-${kps}`,
        `charts/kube-prometheus-stack/charts/crds/crds/crd-${k}.yaml`,
      ),
    ),
    ...['clusters', 'scheduledbackups', 'backups'].map((k) =>
      raw('cloudnative-pg/cloudnative-pg', cnpg, `config/crd/bases/postgresql.cnpg.io_${k}.yaml`),
    ),
    ...['keycloaks', 'keycloakrealmimports'].map((k) =>
      raw('keycloak/keycloak-k8s-resources', kc, `kubernetes/${k}.k8s.keycloak.org-v1.yml`),
    ),
    ...['traefikservices', 'middlewares', 'ingressroutes'].map((k) =>
      raw('traefik/traefik-helm-chart', `v${k3s.bundledTraefikChart}`, `traefik/crds/traefik.io_${k}.yaml`),
    ),
    raw(
      'k3s-io/helm-controller',
      K3S_CRD_REFS.helmController,
      'pkg/crds/yaml/generated/helm.cattle.io_helmchartconfigs.yaml',
    ),
    raw(
      'cloudnative-pg/plugin-barman-cloud',
      charts.barmanCloudPlugin.appVersion,
      'config/crd/bases/barmancloud.cnpg.io_objectstores.yaml',
    ),
    ...[
      'external-secrets.io_externalsecrets',
      'external-secrets.io_clustersecretstores',
      'external-secrets.io_pushsecrets',
      'generators.external-secrets.io_passwords',
    ].map((k) =>
      raw(
        'external-secrets/external-secrets',
        charts.externalSecrets.appVersion,
        `config/crds/bases/${k}.yaml`,
      ),
    ),
  ];
}

/** Chart templates wrap CRDs in Helm directives; lines that are only a directive are dropped. */
export function stripHelmDirectives(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\{\{.*\}\}\s*$/.test(line))
    .join('\n');
}
