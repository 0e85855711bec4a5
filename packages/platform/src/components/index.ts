export { APPLICATION_HEALTH_LUA, argoCdHost } from './argocd/values.js';
export {
  barmanCloudPlugin,
  barmanCloudPluginApplication,
} from './barman-cloud-plugin/render.js';
export * from './bootstrap/index.js';
export { ACME_SERVERS, clusterIssuers, type IssuerName } from './cert-manager/cluster-issuers.js';
export { chartApplication, chartSlice } from './chart-component.js';
export { cnpgOperator, cnpgOperatorApplication } from './cnpg-operator/render.js';
export type {
  ArgoCdComponent,
  BootstrapApply,
  ChartComponent,
  Component,
  ComponentChart,
  HelmBootstrapComponent,
  HelmRelease,
  K3sBundledComponent,
  OperatorService,
} from './component.js';
export {
  alertingNeeds,
  argoCdNotificationsSecret,
  type ClusterSecretStore,
  clusterSecretStore,
  EXTERNAL_SECRETS_STORE,
  externalSecrets,
  externalSecretsApplications,
  externalSecretsObjects,
  repositoryCredentialNeed,
} from './external-secrets/render.js';
export {
  KEYCLOAK,
  type KeycloakInstance,
  keycloak,
  keycloakApplication,
  keycloakBackupRule,
  keycloakDatabase,
  keycloakHost,
  keycloakInstance,
  keycloakObjects,
} from './keycloak/render.js';
export {
  KEYCLOAK_OPERATOR_FILES,
  keycloakOperator,
  keycloakOperatorApplication,
} from './keycloak-operator/render.js';
export { grafanaService } from './kube-prometheus-stack/values.js';
export {
  crdProviders,
  helmReleases,
  operatorServiceSpecs,
  platformDestinations,
  platformSourceRepos,
} from './lookups.js';
export type { NamespacePolicy } from './namespaces/policy.js';
export {
  PLATFORM_NAMESPACES_APP,
  platformNamespaceObjects,
  platformNamespacesApplication,
} from './namespaces/render.js';
export { IDENTITY_GUARD, identityGuard, REALM_SYNC_JOB_RULES } from './projects/identity-guard.js';
export { identityProject } from './projects/identity-project.js';
export { platformProject } from './projects/platform-project.js';
export { COMPONENTS } from './registry.js';
export { type Resources, sized } from './sizing.js';
export { type HelmChartConfig, traefikConfig, traefikValues } from './traefik/helm-chart-config.js';
