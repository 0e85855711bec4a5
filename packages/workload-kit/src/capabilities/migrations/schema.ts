import * as z from 'zod';
import type { Check, Issue } from '../../parts/schema-fields.js';

export const migrations = z.strictObject({
  /** The migrate CLI bundled in the app image. */
  command: z.array(z.string().min(1)).min(1).default(['migrate', 'up']),
  /** Attempts before the sync fails. */
  backoffLimit: z.number().int().min(0).max(10).default(2),
});

/** Migrations need the database they migrate. */
export function migrationsChecks(w: { migrations: unknown; database: unknown }, issue: Issue): Check[] {
  return [
    () => {
      if (w.migrations && !w.database) {
        issue(['migrations'], 'needs a database', 'set `migrations: false` or enable `database`');
      }
    },
  ];
}
