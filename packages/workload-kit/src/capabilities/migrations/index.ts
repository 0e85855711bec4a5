import type { Capability } from '../capability.js';
import { migrationsJob, migrationsResources } from './job.js';

/** The schema migrations Job, once per image, one wave before the Rollout; it needs the database. */
export const migrations: Capability = {
  name: 'migrations',
  enabled: (w) => w.migrations !== false && w.database !== false,
  contributes: ({ w }) => ({ budget: [{ what: 'migrations Job', count: 1, ...migrationsResources(w) }] }),
  render: ({ w }, merged) => (w.migrations ? { objects: [migrationsJob(w, w.migrations, merged)] } : {}),
};
