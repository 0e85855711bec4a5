import { SYNC_WAVE } from '../argocd/application.js';
import { TREE_DIR } from '../conventions/layout.js';
import type { PlainManifest } from '../render/manifest.js';
import type { TreeEntry } from './rule.js';
import { field, ofKind } from './workloads.js';

export interface AppInfo {
  app: PlainManifest;
  name: string;
  project: string;
  namespace: string;
  wave: number;
  syncOptions: string[];
  repoURLs: string[];
  /** Tree folders (relative to the tree's root) this Application syncs. */
  folders: string[];
}

export function applications(entries: readonly TreeEntry[]): AppInfo[] {
  return ofKind(entries, 'Application').map(({ manifest: app }) => {
    const sources = [
      ...((field(app, 'spec', 'sources') as Record<string, unknown>[]) ?? []),
      ...(field(app, 'spec', 'source') ? [field(app, 'spec', 'source') as Record<string, unknown>] : []),
    ];
    return {
      app,
      name: app.metadata.name ?? '',
      project: (field(app, 'spec', 'project') as string) ?? '',
      namespace: (field(app, 'spec', 'destination', 'namespace') as string) ?? '',
      wave: Number(app.metadata.annotations?.[SYNC_WAVE] ?? 0),
      syncOptions: (field(app, 'spec', 'syncPolicy', 'syncOptions') as string[]) ?? [],
      repoURLs: sources.map((s) => String(s.repoURL)),
      folders: sources
        .map((s) => s.path)
        .filter((p): p is string => typeof p === 'string' && p.startsWith(`${TREE_DIR}/`))
        .map((p) => p.slice(TREE_DIR.length + 1).replace(/\/+$/, '')),
    };
  });
}

/** The entries an Application syncs: the files directly in its folders (Argo CD does not recurse by default). */
export function syncedBy(app: AppInfo, entries: readonly TreeEntry[]): TreeEntry[] {
  return entries.filter((e) =>
    app.folders.some((f) => e.file.startsWith(`${f}/`) && !e.file.slice(f.length + 1).includes('/')),
  );
}
