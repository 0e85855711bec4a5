import { auth } from './auth/index.js';
import { canary } from './canary/index.js';
import type { Capability } from './capability.js';
import { config } from './config/index.js';
import { database } from './database/index.js';
import { edge } from './edge/index.js';
import { migrations } from './migrations/index.js';
import { monitoring } from './monitoring/index.js';
import { network } from './network/index.js';
import { service } from './service/index.js';

/**
 * Every capability of a workload, one line each. The recipe merges their contributions in this order
 * (so the database's DB_URL comes before the definition's env, the app's alerts before the database's,
 * the database's Application before the realm's), then lets each render with what all contributed.
 */
export const capabilities: readonly Capability[] = [
  service,
  canary,
  edge,
  monitoring,
  network,
  database,
  migrations,
  config,
  auth,
];
