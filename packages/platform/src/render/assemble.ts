import { loadAll } from 'js-yaml';
import { FOLDERS } from '../conventions/layout.js';
import { RESERVED_NAMES } from '../conventions/reserved.js';
import type { Problem } from '../errors/problem.js';
import type { TreeEntry } from '../inspect/objects.js';
import { rules as allRules, checkTreeKnowing, type Rule } from '../rules/index.js';
import { folderReadmes } from './folder-readmes.js';
import { describe, type PlainManifest } from './manifest.js';
import { claimCovers, ownershipProblems, sliceName } from './slice.js';
import type { StagedSlice } from './stage.js';

/** A check of the whole assembled tree that the caller adds (the node budget, strict CRD schemas…). */
export interface TreeCheck {
  id: string;
  check(tree: AssembledTree): Problem[];
}

export interface AssembledTree {
  /** Tree path → exact bytes: what the writer will put in the tree. */
  files: ReadonlyMap<string, string>;
  /** Every Kubernetes object with its file. */
  entries: readonly TreeEntry[];
  /** Tree path → the workspace that rendered it. */
  sources: ReadonlyMap<string, string>;
}

export interface AssembleResult extends AssembledTree {
  /** Every problem found; the tree may be written only when this is empty. */
  problems: Problem[];
  /** Files holding an object an `object` rule found a problem with (see AssembleOptions.objectRulesPassed). */
  objectRuleFailures: ReadonlySet<string>;
}

export interface AssembleOptions {
  /** Rules across objects and per-object policies; all of them by default. */
  rules?: readonly Rule[];
  checks?: readonly TreeCheck[];
  /**
   * Whether a file's exact content passed every `object` rule before: its objects are not judged by those
   * rules again (every other rule still sees the whole tree).
   */
  objectRulesPassed?: (content: string) => boolean;
}

/** Every object in the slices' YAML files (Helm values and other non-objects have no apiVersion/kind). */
function parseEntries(files: ReadonlyMap<string, string>, problems: Problem[]): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const [file, text] of files) {
    if (!/\.ya?ml$/.test(file)) continue;
    try {
      for (const doc of loadAll(text)) {
        const m = doc as Partial<PlainManifest> | null;
        if (m && typeof m.apiVersion === 'string' && typeof m.kind === 'string')
          entries.push({ file, manifest: m as PlainManifest });
      }
    } catch (error) {
      problems.push({ path: file, message: `does not parse: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  return entries;
}

/** Two slices claiming the same folder or file (most often: two apps with the same name). */
function claimProblems(slices: readonly StagedSlice[]): Problem[] {
  const problems: Problem[] = [];
  for (let i = 0; i < slices.length; i++) {
    for (let j = i + 1; j < slices.length; j++) {
      const [a, b] = [slices[i]!, slices[j]!];
      for (const claim of a.owns) {
        const other = b.owns.find((c) => claimCovers(c, claim) || claimCovers(claim, c));
        if (other === undefined) continue;
        problems.push({
          path: `${b.source}`,
          message: `claims ${other}, which ${a.source} already owns (both are named "${sliceName(b.owns)}")`,
          hint: 'names are unique across the repo: rename one of them (its `name` and its folder)',
        });
        break;
      }
    }
  }
  return problems;
}

/**
 * A workspace folder carries its slice's name: `workloads/<app>` renders app `<app>`. The CLI, the
 * scaffolder and people find an app by its folder; a folder renamed without its name (or the reverse)
 * would render under one name and be looked up under another.
 */
function folderProblems(slices: readonly StagedSlice[]): Problem[] {
  return slices.flatMap((s) => {
    const folder = s.source.split('/').pop() ?? '';
    const name = sliceName(s.owns);
    if (folder === name) return [];
    return [
      {
        path: s.source,
        message: `renders "${name}" but its folder is named "${folder}"`,
        hint: `rename the folder to ${s.source.replace(/[^/]+$/, name)} (git mv), or set the name back to "${folder}"`,
      },
    ];
  });
}

/** An app (a slice under workloads/) may not take a name the platform uses. */
function reservedProblems(slices: readonly StagedSlice[]): Problem[] {
  return slices.flatMap((s) => {
    const name = sliceName(s.owns);
    const why = RESERVED_NAMES.get(name);
    if (!s.owns[0]?.startsWith(`${FOLDERS.workloads}/`) || !why) return [];
    return [
      {
        path: `${s.source}: name`,
        message: `"${name}" is reserved: it is ${why}`,
        hint: 'pick another app name; the platform’s names are listed in @ultron/platform conventions/reserved.ts',
      },
    ];
  });
}

/**
 * Argo CD identifies Applications and AppProjects by name alone, and a Namespace object has one owner:
 * the same name rendered by two slices would shadow one of them, whichever file Argo CD reads last.
 */
function uniqueNameProblems(entries: readonly TreeEntry[], sources: ReadonlyMap<string, string>): Problem[] {
  const seen = new Map<string, { file: string; source: string }>();
  const problems: Problem[] = [];
  for (const { file, manifest: m } of entries) {
    if (!['Application', 'AppProject', 'Namespace'].includes(m.kind)) continue;
    const key = `${m.kind}/${m.metadata.name}`;
    const source = sources.get(file) ?? '';
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { file, source });
      continue;
    }
    problems.push({
      path: `${file}: ${describe(m)}`,
      message: `${source} renders ${m.kind} "${m.metadata.name}", which ${first.source} already renders in ${first.file}`,
      hint:
        first.source === source
          ? 'a slice renders each name once'
          : `names are unique across the repo (platform names included): rename the app in ${source}`,
    });
  }
  return problems;
}

function sortedByPath<T>(files: ReadonlyMap<string, T>): Map<string, T> {
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `Kind ns/name` → the file holding that object, so rule problems can name their file. */
function withFiles(problems: readonly Problem[], entries: readonly TreeEntry[]): Problem[] {
  const fileOf = new Map(entries.map((e) => [describe(e.manifest), e.file]));
  return problems.map((p) => {
    const file = fileOf.get(p.path.split(': ', 1)[0] ?? '');
    return file && !p.path.startsWith(file) ? { ...p, path: `${file}: ${p.path}` } : p;
  });
}

/**
 * Puts every staged slice together and checks the WHOLE tree before anything is written: each slice
 * emits only what it owns, no two slices claim one path or name, apps avoid the platform's names,
 * folders match names, every cross-object rule and policy, then the caller's checks. Returns every
 * problem at once; the files are safe to write only when there are none.
 */
export function assembleSlices(
  slices: readonly StagedSlice[],
  options: AssembleOptions = {},
): AssembleResult {
  const sorted = [...slices].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const problems: Problem[] = [
    ...sorted.flatMap((s) => ownershipProblems(s.source, s.owns, s.files.keys())),
    ...claimProblems(sorted),
    ...folderProblems(sorted),
    ...reservedProblems(sorted),
  ];
  const files = new Map<string, string>();
  const sources = new Map<string, string>();
  for (const s of sorted) {
    for (const [path, content] of s.files) {
      // A path two slices emit is already reported as a claim conflict; the first one stays.
      if (files.has(path)) continue;
      files.set(path, content);
      sources.set(path, s.source);
    }
  }
  const ordered = sortedByPath(files);
  // Slices staged with their objects' data are not parsed again; anything else (text files, slices
  // without data) is read from its YAML. Only files that made it into the tree count.
  const known = Map.groupBy(
    sorted.flatMap((s) => (s.objects ?? []).filter((e) => sources.get(e.file) === s.source)),
    (e) => e.file,
  );
  const unparsed = new Map([...ordered].filter(([path]) => !known.has(path)));
  const parsed = parseEntries(unparsed, problems);
  const entries = [...[...known.values()].flat(), ...parsed].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  problems.push(...uniqueNameProblems(entries, sources));
  const passedBefore = options.objectRulesPassed;
  const checked = checkTreeKnowing(
    entries,
    options.rules ?? allRules,
    passedBefore ? (e) => passedBefore(files.get(e.file) ?? '') : undefined,
  );
  problems.push(...withFiles(checked.problems, entries));
  // Each folder without a README of its own gets one describing it (Argo CD reads only YAML/JSON there).
  const readmes = folderReadmes(ordered, sources, entries);
  for (const [path, { source, content }] of readmes) {
    ordered.set(path, content);
    sources.set(path, source);
  }
  const tree: AssembledTree = { files: sortedByPath(ordered), entries, sources };
  for (const c of options.checks ?? []) {
    problems.push(...c.check(tree).map((p) => ({ ...p, message: `${p.message} [${c.id}]` })));
  }
  return { ...tree, problems, objectRuleFailures: checked.objectRuleFailures };
}
