export type {
  BackupFacts,
  BackupTarget,
  BudgetItem,
  Capability,
  Contributions,
  EgressPeer,
  MergedContributions,
  OwnFolder,
  RenderContext,
  Rendered,
  SecretReference,
} from './capabilities/capability.js';
export type { BackupMethod } from './capabilities/database/backup.js';
export { database as databaseCapability } from './capabilities/database/index.js';
export { capabilities } from './capabilities/index.js';
export { parseWorkload } from './definition/parse.js';
export { type Workload, type WorkloadInput, workloadSchema } from './definition/schema.js';
export { buildWorkload, defineWorkload } from './workload.js';
