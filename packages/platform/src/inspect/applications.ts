import { SYNC_WAVE } from '../argocd/application.js';
import { TREE_DIR } from '../conventions/layout.js';
import type { PlainManifest } from '../render/manifest.js';
import { arr, field, type Json, obj } from './json.js';
import { ofKind, type TreeEntry } from './objects.js';

/** An Argo CD Application as the rules read it. */
export interface AppInfo {
  app: PlainManifest;
  /** The tree file that holds it. */
  file: string;
  name: string;
  project: string;
  namespace: string;
  wave: number;
  syncOptions: string[];
  repoURLs: string[];
  /** Tree folders (relative to the tree's root) this Application syncs. */
  folders: string[];
}

/** An Application's sources: `spec.source` and every `spec.sources` entry. */
export function applicationSources(m: PlainManifest): Json[] {
  return [obj(field(m, 'spec', 'source')), ...arr(field(m, 'spec', 'sources')).map(obj)].filter(
    (s): s is Json => Boolean(s),
  );
}

export function applications(entries: readonly TreeEntry[]): AppInfo[] {
  return ofKind(entries, 'Application').map(({ file, manifest: app }) => {
    const sources = applicationSources(app);
    return {
      app,
      file,
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

/** Does an Application sync this tree file? Only files directly in its folders: Argo CD does not recurse by default. */
export function syncs(app: AppInfo, file: string): boolean {
  return app.folders.some((f) => file.startsWith(`${f}/`) && !file.slice(f.length + 1).includes('/'));
}

/** The tree's entries by the folder holding their file, built once per entry list. */
const byFolderCache = new WeakMap<readonly TreeEntry[], Map<string, TreeEntry[]>>();

function entriesByFolder(entries: readonly TreeEntry[]): Map<string, TreeEntry[]> {
  let index = byFolderCache.get(entries);
  if (!index) {
    index = Map.groupBy(entries, (e) => e.file.slice(0, Math.max(e.file.lastIndexOf('/'), 0)));
    byFolderCache.set(entries, index);
  }
  return index;
}

/**
 * The entries an Application syncs (the same as filtering by `syncs`), in tree order. Looked up by folder:
 * filtering the whole tree once per Application made the tree rules grow with apps × files.
 */
export function syncedBy(app: AppInfo, entries: readonly TreeEntry[]): TreeEntry[] {
  const index = entriesByFolder(entries);
  const folders = [...new Set(app.folders)];
  const found = folders.flatMap((f) => index.get(f) ?? []);
  if (folders.length < 2) return found;
  const order = new Map(entries.map((e, i) => [e, i]));
  return found.sort((a, b) => order.get(a)! - order.get(b)!);
}

/** The Applications that sync a tree file (none for the bootstrap's files, one for everything else). */
export function syncingApplications(apps: readonly AppInfo[], file: string): AppInfo[] {
  return apps.filter((a) => syncs(a, file));
}
