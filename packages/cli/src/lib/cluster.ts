import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Cluster } from '@ultron/platform';
import { environmentError } from './exit.ts';
import { CLUSTER_DEFINITION } from './repo.ts';

/** The repo's cluster definition (`cluster/cluster.ts`'s default export), validated by defineCluster. */
export async function loadCluster(root: string): Promise<Cluster> {
  const file = join(root, CLUSTER_DEFINITION);
  if (!existsSync(file)) throw environmentError(`no cluster definition at ${CLUSTER_DEFINITION}`);
  return ((await import(pathToFileURL(file).href)) as { default: Cluster }).default;
}

/** `owner/name` of the gitops repository, from its URL (what `gh api repos/…` expects). */
export function repoSlug(cluster: Cluster): string {
  return new URL(cluster.gitops.repoURL).pathname.replace(/^\/+/, '').replace(/\.git$/, '');
}
