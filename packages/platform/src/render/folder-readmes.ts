import { FOLDERS, TREE_DIR } from '../conventions/layout.js';
import { applications } from '../inspect/applications.js';
import type { TreeEntry } from '../inspect/objects.js';
import { headerFor } from './header.js';
import { describe } from './manifest.js';

/**
 * The source named in the READMEs of folders several workspaces share: the `assemble` workspace writes
 * the tree, and these files describe it rather than one slice of it.
 */
export const FOLDER_README_SOURCE = 'assemble';

const README = 'README.md';

/** What the fixed folders hold; any other folder is described by the Application that syncs it. */
const PURPOSES: Readonly<Record<string, string>> = {
  '': `The GitOps tree of the cluster, the only folder Argo CD reads. \`${FOLDERS.bootstrap}/\` is applied once by hand (its README is the runbook); the root Application in it syncs \`${FOLDERS.apps}/\`, and each Application there syncs one folder of \`${FOLDERS.platform}/\` or \`${FOLDERS.workloads}/\`.`,
  [FOLDERS.apps]: `One file per platform component and app: the Argo CD Applications (and AppProjects) the root Application syncs, each pointing at its folder under \`${FOLDERS.platform}/\` or \`${FOLDERS.workloads}/\`.`,
  [FOLDERS.platform]: `What the platform components' Applications sync, one folder per component (the Application is in \`${FOLDERS.apps}/<component>.yaml\`).`,
  [FOLDERS.workloads]: `One folder per app, rendered by the workload kit from the app's workspace \`workloads/<app>\`; each app's folder README says how it is released and watched.`,
  [`${FOLDERS.bootstrap}/helm`]: `Helm values of the charts installed by hand during bootstrap, before Argo CD runs; the number is the install order, and \`${FOLDERS.bootstrap}/README.md\` gives each \`helm upgrade --install\` command.`,
  [`${FOLDERS.bootstrap}/k3s`]: `k3s settings placed on the node during bootstrap (see \`${FOLDERS.bootstrap}/README.md\`): the k3s config file and the HelmChartConfig of k3s's bundled Traefik.`,
};

/** The folders every component and app puts its files in. */
const SHARED_FOLDERS: ReadonlySet<string> = new Set(['', FOLDERS.apps, FOLDERS.platform, FOLDERS.workloads]);

interface Sync {
  application: string;
  file: string;
  namespace: string | undefined;
}

/** Tree folder (relative to the tree's root) → the Applications whose sources point at it. */
function syncsByFolder(entries: readonly TreeEntry[]): Map<string, Sync[]> {
  const byFolder = new Map<string, Sync[]>();
  for (const app of applications(entries)) {
    for (const folder of app.folders) {
      const syncs = byFolder.get(folder) ?? [];
      syncs.push({ application: app.name, file: app.file, namespace: app.namespace || undefined });
      byFolder.set(folder, syncs);
    }
  }
  return byFolder;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Every folder of the tree, the root ('') included. */
function foldersOf(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>(['']);
  for (const path of paths) {
    for (let dir = parentOf(path); dir !== ''; dir = parentOf(dir)) folders.add(dir);
  }
  return folders;
}

function code(text: string): string {
  return `\`${text}\``;
}

function syncLine(folder: string, syncs: readonly Sync[] | undefined): string {
  if (!syncs?.length) {
    return folder.startsWith(FOLDERS.bootstrap)
      ? 'No Application syncs this folder: it is used by hand while bootstrapping.'
      : 'No Application syncs this folder itself; the README of each folder below says what syncs it.';
  }
  const each = syncs.map(
    (s) =>
      `Application ${code(s.application)} (in ${code(s.file)}) syncs its YAML${
        s.namespace ? ` into namespace ${code(s.namespace)}` : ''
      }`,
  );
  return `${each.join('; ')}. Argo CD reads only the YAML, JSON and Jsonnet files of a folder, so this README is never applied.`;
}

/** `platform/<component>[/part]` or `workloads/<app>[/part]`: whose objects these are. */
function ownerPurpose(folder: string): string {
  const [top, owner, ...part] = folder.split('/');
  if (top !== FOLDERS.platform && top !== FOLDERS.workloads)
    return `Files of the bootstrap; \`${FOLDERS.bootstrap}/README.md\` says when each is used.`;
  const whose =
    top === FOLDERS.platform ? `platform component ${code(owner ?? '')}` : `app ${code(owner ?? '')}`;
  return part.length === 0
    ? `The objects Argo CD applies for ${whose}.`
    : `The ${code(`${part.join('/')}/`)} part of ${whose}, which Argo CD syncs with an Application of its own.`;
}

/** What a file holds (`Kind namespace/name`, in tree order), from the tree's entries grouped by file. */
function objectsIn(file: string, entriesByFile: ReadonlyMap<string, readonly TreeEntry[]>): string {
  const held = entriesByFile.get(file) ?? [];
  return held.length > 0 ? held.map((e) => describe(e.manifest)).join(', ') : '(not a Kubernetes object)';
}

/**
 * The tree's paths by folder, computed once: every path under each folder (all depths) and the paths
 * directly in it, both in sorted order. Filtering all paths for every folder grew with folders × files.
 */
interface PathIndex {
  under: Map<string, string[]>;
  direct: Map<string, string[]>;
}

function indexPaths(sortedPaths: readonly string[]): PathIndex {
  const under = new Map<string, string[]>([['', [...sortedPaths]]]);
  for (const path of sortedPaths) {
    for (let dir = parentOf(path); dir !== ''; dir = parentOf(dir)) {
      const list = under.get(dir);
      if (list) list.push(path);
      else under.set(dir, [path]);
    }
  }
  return { under, direct: Map.groupBy(sortedPaths, parentOf) };
}

/** A folder's README: its file, the workspace named as its source, and its text. */
export interface FolderReadme {
  source: string;
  content: string;
}

function readme(
  folder: string,
  paths: PathIndex,
  sources: ReadonlyMap<string, string>,
  entriesByFile: ReadonlyMap<string, readonly TreeEntry[]>,
  syncs: readonly Sync[] | undefined,
): FolderReadme {
  const under = paths.under.get(folder) ?? [];
  const writers = [...new Set(under.map((p) => sources.get(p) ?? FOLDER_README_SOURCE))];
  const lines = [
    `# ${[TREE_DIR, folder].filter(Boolean).join('/')}`,
    '',
    PURPOSES[folder] ?? ownerPurpose(folder),
    '',
    syncLine(folder, syncs),
    '',
  ];
  if (SHARED_FOLDERS.has(folder) || writers.length !== 1) {
    // A folder shared by several workspaces lists none of their files: adding or removing an app then
    // changes no file outside its own, and two apps added at once never touch the same README. The
    // top folders are shared by design, even while one app alone has files there (or one fails to render).
    lines.push(
      'Every file here names in its first line the workspace that renders it: change that workspace and run `pnpm turbo build`; the build rewrites and prunes these files, so edits by hand are lost.',
      '',
    );
    return {
      source: FOLDER_README_SOURCE,
      content: `${headerFor(README, FOLDER_README_SOURCE)}${lines.join('\n')}`,
    };
  }
  const [writer] = writers as [string];
  const files = paths.direct.get(folder) ?? [];
  const subfolders = [...foldersOf(under)].filter((f) => f !== folder && parentOf(f) === folder);
  lines.push(
    `Rendered by ${code(writer)}. To change it, edit that workspace and run \`pnpm turbo build\`; the build rewrites and prunes these files, so edits by hand are lost.`,
    '',
    '| file | holds |',
    '|---|---|',
    ...subfolders.map((f) => `| ${code(`${nameOf(f)}/`)} | folder: see its README |`),
    ...files.map((f) => `| ${code(nameOf(f))} | ${objectsIn(f, entriesByFile)} |`),
    '',
  );
  // Named after the one workspace whose files it describes: it comes and goes with that workspace's slice.
  return { source: writer, content: `${headerFor(README, writer)}${lines.join('\n')}` };
}

/**
 * A README for every folder of the tree that has none from its slice: what the folder holds, which
 * Application syncs it and how to change it; a folder one workspace renders alone also gets a table of
 * its files, and its README names that workspace as its source. Derived from the assembled tree alone.
 */
export function folderReadmes(
  files: ReadonlyMap<string, string>,
  sources: ReadonlyMap<string, string>,
  entries: readonly TreeEntry[],
): Map<string, FolderReadme> {
  const paths = [...files.keys()].sort();
  const index = indexPaths(paths);
  const entriesByFile = Map.groupBy(entries, (e) => e.file);
  const syncs = syncsByFolder(entries);
  const readmes = new Map<string, FolderReadme>();
  for (const folder of [...foldersOf(paths)].sort()) {
    const path = folder === '' ? README : `${folder}/${README}`;
    if (files.has(path)) continue;
    readmes.set(path, readme(folder, index, sources, entriesByFile, syncs.get(folder)));
  }
  return readmes;
}
