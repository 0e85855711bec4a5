import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { claimedHosts, describe, FOLDERS, PLATFORM_NAMESPACES, workloadDir } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { parseWorkload, type WorkloadInput } from '@ultron/workload-kit';
import { listApps } from './apps.ts';
import type { Repo } from './repo.ts';
import { loadSlice, renderWorkspaces } from './workspaces.ts';

/** Names and hosts already in use, each with who uses it (for the error message). */
export interface Taken {
  names: Map<string, string>;
  hosts: Map<string, string>;
  domains: Map<string, string>;
}

/** Hosts the rendered tree routes, serves or certifies: Ingresses, IngressRoutes, Certificates, Keycloak's hostname. */
function treeHosts(repo: Repo, taken: Taken): void {
  if (!existsSync(repo.treeDir)) return;
  for (const { manifest: m } of loadTree(repo.treeDir)) {
    const who = describe(m);
    for (const h of claimedHosts(m)) if (!taken.hosts.has(h)) taken.hosts.set(h, who);
    // Every namespace, Argo CD project and Application name becomes the new app's name too.
    if (m.metadata.namespace) taken.names.set(m.metadata.namespace, `namespace ${m.metadata.namespace}`);
    if (['Namespace', 'AppProject', 'Application'].includes(m.kind)) taken.names.set(m.metadata.name!, who);
  }
}

/**
 * Apps' own domains and hosts from their definitions (an app's frontend domain may appear nowhere in the
 * tree). A definition that fails to load is skipped here; its own build reports it.
 */
async function definitionHosts(repo: Repo, taken: Taken): Promise<void> {
  const renderers = new Map(renderWorkspaces(repo).map((w) => [w.source, w]));
  for (const app of listApps(repo)) {
    taken.names.set(app, `app ${app}`);
    const ws = renderers.get(workloadDir(app));
    if (!ws) continue;
    try {
      // defineWorkload keeps the definition it was given next to the slice.
      const input = ((await loadSlice(ws)) as { input?: WorkloadInput }).input;
      if (!input) continue;
      const w = parseWorkload(input);
      taken.domains.set(w.domain, `app ${app}`);
      for (const h of [w.domain, ...w.hosts]) taken.hosts.set(h, `app ${app}`);
    } catch {
      // Broken definitions are the build's to report; their names are still taken above.
    }
  }
}

/** Everything a new app must not collide with: apps, platform components, namespaces, hosts. */
export async function takenNamesAndHosts(repo: Repo): Promise<Taken> {
  const taken: Taken = { names: new Map(), hosts: new Map(), domains: new Map() };
  for (const ns of Object.values(PLATFORM_NAMESPACES)) taken.names.set(ns, `platform namespace ${ns}`);
  const components = join(repo.root, FOLDERS.apps);
  if (existsSync(components)) {
    for (const e of readdirSync(components, { withFileTypes: true }))
      if (e.isDirectory()) taken.names.set(e.name, `platform component apps/${e.name}`);
  }
  treeHosts(repo, taken);
  await definitionHosts(repo, taken);
  return taken;
}
