/**
 * `@ultron/platform`: `/core` (what app workspaces need) and the platform components the component and
 * bootstrap workspaces render. Only names another workspace imports are exported.
 */

export { barmanCloudPlugin } from './components/barman-cloud-plugin/render.js';
export { BOOTSTRAP_FILES } from './components/bootstrap/files.js';
export { bootstrapPlanSchema } from './components/bootstrap/plan.js';
export { secretFromEnvFile } from './components/bootstrap/runbook.js';
export { bootstrap } from './components/bootstrap/slice.js';
export { cnpgOperator } from './components/cnpg-operator/render.js';
export { externalSecrets } from './components/external-secrets/render.js';
export { keycloak } from './components/keycloak/render.js';
export { keycloakOperator } from './components/keycloak-operator/render.js';
export * from './core.js';
