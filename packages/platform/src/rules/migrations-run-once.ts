import { ARGOCD, LABELS } from '../conventions/names.js';
import type { Problem } from '../errors/problem.js';
import { field } from '../inspect/json.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/**
 * Argo CD deletes and re-creates a hook Job on every sync attempt; an automated Application retries a
 * failed sync (an aborted canary fails it) up to its retry limit, so a database-writing hook replays
 * against the database on each retry. A plain Job named after what it applies runs once.
 */
export default defineRule({
  id: 'migrations-run-once',
  doc: 'A Job that writes to a database (its pods carry the db-client label) is not an Argo CD sync hook, so retried or repeated syncs cannot replay it.',
  scope: 'object',
  checkObject({ manifest }): Problem[] {
    if (manifest.kind !== 'Job') return [];
    const labels =
      (field(manifest, 'spec', 'template', 'metadata', 'labels') as Record<string, string>) ?? {};
    const hook = manifest.metadata.annotations?.[ARGOCD.hook];
    if (labels[LABELS.dbClient] !== 'true' || !hook) return [];
    return [
      {
        path: `${describe(manifest)}: metadata.annotations.${ARGOCD.hook}`,
        message: `is a ${hook} hook that writes to a database: every sync attempt (and each automated retry) runs it again`,
        hint: 'render it as a plain Job in an earlier sync wave, named after the version it applies',
      },
    ];
  },
});
