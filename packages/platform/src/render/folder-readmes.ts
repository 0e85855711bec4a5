import { FOLDERS, TREE_DIR } from '../conventions/layout.js';
import type { TreeEntry } from '../rules/rule.js';
import { headerFor } from './header.js';

/**
 * The source named in the READMEs the assemble step adds: the `assemble` workspace writes the tree, and
 * these files describe the whole tree rather than one slice of it.
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

interface Sync {
  application: string;
  file: string;
  namespace: string | undefined;
}

/** Tree folder (relative to the tree's root) → the Applications whose sources point at it. */
function syncsByFolder(entries: readonly TreeEntry[]): Map<string, Sync[]> {
  const byFolder = new Map<string, Sync[]>();
  for (const { file, manifest } of entries) {
    if (manifest.kind !== 'Application') continue;
    const spec = (manifest as { spec?: ApplicationSpec }).spec ?? {};
    const sources = [...(spec.source ? [spec.source] : []), ...(spec.sources ?? [])];
    for (const { path = '' } of sources) {
      // Only sources in this repository's tree; a chart or an upstream repository has paths of its own.
      if (path !== TREE_DIR && !path.startsWith(`${TREE_DIR}/`)) continue;
      const folder = path.slice(TREE_DIR.length + 1);
      const syncs = byFolder.get(folder) ?? [];
      syncs.push({ application: manifest.metadata.name ?? '', file, namespace: spec.destination?.namespace });
      byFolder.set(folder, syncs);
    }
  }
  return byFolder;
}

interface ApplicationSpec {
  source?: { path?: string };
  sources?: { path?: string }[];
  destination?: { namespace?: string };
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
  const whose =
    top === FOLDERS.platform ? `platform component ${code(owner ?? '')}` : `app ${code(owner ?? '')}`;
  return part.length === 0
    ? `The objects Argo CD applies for ${whose}.`
    : `The ${code(`${part.join('/')}/`)} part of ${whose}, which Argo CD syncs with an Application of its own.`;
}

function objectsIn(file: string, entries: readonly TreeEntry[]): string {
  const objects = entries
    .filter((e) => e.file === file)
    .map(
      ({ manifest: m }) =>
        `${m.kind} ${m.metadata.namespace ? `${m.metadata.namespace}/` : ''}${m.metadata.name}`,
    );
  return objects.length > 0 ? objects.join(', ') : '(not a Kubernetes object)';
}

function readme(
  folder: string,
  paths: readonly string[],
  sources: ReadonlyMap<string, string>,
  entries: readonly TreeEntry[],
  syncs: readonly Sync[] | undefined,
): string {
  const files = paths.filter((p) => parentOf(p) === folder);
  const subfolders = [...foldersOf(paths)].filter((f) => f !== '' && f !== folder && parentOf(f) === folder);
  const writers = [...new Set(files.map((f) => sources.get(f)).filter((s) => s !== undefined))].sort();
  const purpose = PURPOSES[folder] ?? ownerPurpose(folder);
  const writtenBy =
    writers.length > 0
      ? `Rendered by ${writers.map(code).join(', ')}. To change it, edit ${
          writers.length === 1 ? 'that workspace' : 'the workspace named in the file'
        } and run \`pnpm turbo build\`; the build rewrites and prunes these files, so edits by hand are lost.`
      : 'The build writes this README; it changes when the tree does.';
  const rows = [
    ...subfolders.map((f) => `| ${code(`${nameOf(f)}/`)} | folder: see its README |`),
    ...files.map((f) => `| ${code(nameOf(f))} | ${objectsIn(f, entries)} |`),
  ];
  const body = [
    `# ${[TREE_DIR, folder].filter(Boolean).join('/')}`,
    '',
    purpose,
    '',
    syncLine(folder, syncs),
    '',
    writtenBy,
    '',
    '| file | holds |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n');
  return `${headerFor(README, FOLDER_README_SOURCE)}${body}`;
}

/**
 * A README for every folder of the tree that has none from its slice: what the folder holds, which
 * Application syncs it, which workspace writes it and how to change it, and a table of its files.
 * Derived from the assembled tree alone, so it changes exactly when the tree does.
 */
export function folderReadmes(
  files: ReadonlyMap<string, string>,
  sources: ReadonlyMap<string, string>,
  entries: readonly TreeEntry[],
): Map<string, string> {
  const paths = [...files.keys()].sort();
  const syncs = syncsByFolder(entries);
  const readmes = new Map<string, string>();
  for (const folder of [...foldersOf(paths)].sort()) {
    const path = folder === '' ? README : `${folder}/${README}`;
    if (files.has(path)) continue;
    readmes.set(path, readme(folder, paths, sources, entries, syncs.get(folder)));
  }
  return readmes;
}
