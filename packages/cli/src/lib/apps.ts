import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDERS } from '@ultron/platform';
import type { Repo } from './repo.ts';

/** Names of the apps with a workspace (`workloads/<app>/workload.ts`), sorted. */
export function listApps(repo: Repo): string[] {
  const dir = join(repo.root, FOLDERS.workloads);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'workload.ts')))
    .map((e) => e.name)
    .sort();
}
