export {
  BARMAN_CLOUD_PLUGIN_COMPONENT,
  BARMAN_CLOUD_PLUGIN_VALUES_POLICY,
  barmanCloudPlugin,
  barmanCloudPluginApplication,
  barmanCloudPluginValues,
} from './barman-cloud-plugin.js';
export * from './bootstrap/index.js';
export {
  CNPG_OPERATOR,
  CNPG_OPERATOR_VALUES_POLICY,
  cnpgOperator,
  cnpgOperatorApplication,
  cnpgOperatorValues,
} from './cnpg-operator.js';
export {
  alertingNeeds,
  argoCdNotificationsSecret,
  type ClusterSecretStore,
  clusterSecretStore,
  EXTERNAL_SECRETS,
  EXTERNAL_SECRETS_STORE,
  EXTERNAL_SECRETS_VALUES_POLICY,
  externalSecrets,
  externalSecretsApplications,
  externalSecretsObjects,
  externalSecretsValues,
  repositoryCredentialNeed,
} from './external-secrets.js';
export { IDENTITY_GUARD, identityGuard, REALM_SYNC_JOB_RULES } from './identity-guard.js';
export { identityProject } from './identity-project.js';
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
} from './keycloak.js';
export {
  KEYCLOAK_OPERATOR_FILES,
  keycloakOperator,
  keycloakOperatorApplication,
} from './keycloak-operator.js';
export {
  namespaceObjects,
  PLATFORM_NAMESPACE_SPECS,
  PLATFORM_NAMESPACES_APP,
  platformNamespaceObjects,
  platformNamespacesApplication,
} from './namespaces.js';
export { PLATFORM_COMPONENTS } from './platform-components.js';
export { platformProject, rootApplication, rootProject } from './root-app.js';
export { type Resources, sized } from './sizing.js';
