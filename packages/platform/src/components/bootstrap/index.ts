export { type HelmLayerRequest, helmLayerRequests } from './budget.js';
export {
  type BootstrapOptions,
  type CommandResult,
  type CommandRunner,
  execFileRunner,
  repositoryCredential,
  runBootstrap,
} from './execute.js';
export { BOOTSTRAP_FILES, fromRepoRoot } from './files.js';
export { apiServerUrl, K3S_CONFIG_PATH, k3sConfig, k3sConfigFile, serverNode, tlsSans } from './k3s.js';
export {
  type BootstrapPlan,
  type BootstrapStep,
  bootstrapPlan,
  bootstrapPlanSchema,
  formatStep,
  REPO_CREDENTIAL,
  shellQuote,
} from './plan.js';
export { rootApplication, rootProject } from './root-app.js';
export { runbook, secretFromEnvFile } from './runbook.js';
export { bootstrap, buildBootstrap } from './slice.js';
