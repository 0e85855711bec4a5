/**
 * Everything an app workspace needs, without the platform components (Helm values, bootstrap plan, operator
 * Applications) and their models: `@ultron/platform/core` keeps each app's render process start-up small.
 */
export * from './argocd/index.js';
export * from './audit/index.js';
export * from './catalog/index.js';
export * from './cluster/index.js';
export * from './cnpg/index.js';
export * from './conventions/index.js';
export * from './edge/index.js';
export * from './errors/index.js';
export * from './inspect/index.js';
export * from './keycloak/index.js';
export * from './network/index.js';
export * from './render/index.js';
export * from './rules/index.js';
export * from './schema/fields.js';
export * from './secrets/index.js';
