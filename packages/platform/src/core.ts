/**
 * Everything an app workspace needs, without the platform components (Helm values, bootstrap plan, operator
 * Applications) and their models: `@ultron/platform/core` keeps each app's render process start-up small.
 * Only what the kit, the CLI, the workspaces and the tests use is exported (tests/src/public-surface.test.ts
 * fails on an export nobody imports); everything else stays inside the package.
 */
export { application, SYNC_WAVE, treeSource, WAVES } from './argocd/application.js';
export { type AuditReport, auditTree } from './audit/index.js';
export { apiVersions, charts, k3s, manifests } from './catalog/versions.js';
export { backupRetention, cnpgSchedule } from './cluster/backup-fields.js';
export { clusterCapacity, defineCluster, prometheusAddress } from './cluster/define.js';
export type { Cluster, ClusterInput } from './cluster/schema.js';
export { type AlertSpec, alertRules, databaseAlerts } from './cnpg/backup-alerts.js';
export { clusterBackup } from './cnpg/backup-settings.js';
export { postgresNetworkPolicies } from './cnpg/network-policies.js';
export { BARMAN_CLOUD_PLUGIN } from './cnpg/object-store.js';
export { type PostgresOptions, postgresObjects, postgresPodMonitor } from './cnpg/postgres.js';
export { appFile, FOLDERS, STAGE_DIR, STAGE_FILE, TREE_DIR, workloadDir } from './conventions/layout.js';
export {
  ARGOCD,
  appNames,
  commonLabels,
  GRAFANA_DASHBOARD_LABEL,
  IDENTITY_PROJECT,
  KEYCLOAK_INSTANCE,
  KEYCLOAK_SERVICE,
  LABELS,
  LONGEST_SUFFIX,
  PLATFORM_NAMESPACES,
} from './conventions/names.js';
export { RESERVED_NAMES, RESERVED_REALMS, reservedBecause } from './conventions/reserved.js';
export { type TlsIngressOptions, tlsCertificate, tlsIngress } from './edge/tls-ingress.js';
export { formatProblems, isUserError, type Problem, UserError } from './errors/problem.js';
export { problemsFromZod, withHint } from './errors/zod.js';
export { applicationSources } from './inspect/applications.js';
export { claimedHosts, routedHosts } from './inspect/hosts.js';
export { formatImageRef, parseImageRef } from './inspect/images.js';
export { field, obj, str } from './inspect/json.js';
export { groupKind, ofKind, type TreeEntry } from './inspect/objects.js';
export { containersOf, type PodSpecLike, podTemplates } from './inspect/pods.js';
export { type KeycloakClient, publicPkceClient, serviceAccountClient } from './keycloak/index.js';
export {
  allowAcmeHttp01,
  allowDns,
  defaultDeny,
  inNamespace,
  NON_PUBLIC_RANGES,
  networkPolicy,
  podSecurityNamespace,
  prometheusPeer,
  publicInternet,
  tcp,
  traefikPeer,
} from './network/index.js';
export { type AssembleResult, assembleSlices, type TreeCheck } from './render/assemble.js';
export { sourceOf } from './render/header.js';
export {
  describe,
  hasValidate,
  type Manifest,
  type PlainManifest,
  plainViews,
  toPlain,
} from './render/manifest.js';
export { findRepoRoot, treeRoot } from './render/repo.js';
export { runSlice } from './render/run.js';
export { type RenderedSlice, renderSlice, type Slice } from './render/slice.js';
export { readStagedSlice, type StagedSlice, stageSlice } from './render/stage.js';
export { Tree } from './render/tree.js';
export { type RenderWorkspace, renderWorkspaces } from './render/workspaces.js';
export {
  readTreeFiles,
  readTreeFilesAsync,
  recoverTree,
  type WriteSummary,
  writeTree,
} from './render/writer.js';
export { renderYamlFile, toYaml } from './render/yaml.js';
export { checkSlice, checkTree, crossObjectRules, policyRules, rules } from './rules/index.js';
export { secretsOnArgv } from './rules/no-secrets-on-argv.js';
export {
  dns1035Label,
  dnsLabel,
  dnsName,
  duration,
  parseDuration,
  parseQuantity,
  quantity,
} from './schema/fields.js';
export {
  externalSecretsFor,
  generatedVaultSecret,
  type VaultLocation,
  type VaultValue,
  vaultCommand,
  vaultLocation,
  vaultValues,
} from './secrets/external-secrets.js';
export { byCodePoint } from './secrets/order.js';
export { outOfBandSecrets, type SecretNeed } from './secrets/references.js';
