import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AssembleResult,
  assembleSlices,
  isUserError,
  type Problem,
  readStagedSlice,
  STAGE_DIR,
  STAGE_FILE,
  type StagedSlice,
  type TreeCheck,
  type WriteSummary,
  writeTree,
} from '@ultron/platform';
import { platformDigest } from '@ultron/platform/startup';
import { budgetCheck } from './budget-check.ts';
import { CheckedFiles } from './checked-files.ts';
import { loadCluster } from './cluster.ts';
import type { Repo } from './repo.ts';
import { type RenderWorkspace, renderWorkspace, renderWorkspaces } from './workspaces.ts';

/** The workspace whose build is this step: `"build": "ultron assemble"`. */
const ASSEMBLE_SCRIPT = /(?:^|[\s;&|])ultron assemble(?:$|[\s;&|])/;

export interface RepoAssembly extends AssembleResult {
  workspaces: RenderWorkspace[];
  /** Slices rendered in this process (asked for, or not staged yet) rather than read from staging. */
  renderedNow: string[];
}

/**
 * Turborepo runs the assemble step after the builds of its package's dependencies only, so every
 * rendering workspace must be one of them; a workspace left out could be assembled from a stale slice.
 */
function orderingProblems(repo: Repo, workspaces: readonly RenderWorkspace[]): Problem[] {
  const dir = join(repo.root, 'assemble');
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return [];
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
    scripts?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  if (!ASSEMBLE_SCRIPT.test(pkg.scripts?.build ?? '')) return [];
  return workspaces
    .filter((w) => !(w.name in (pkg.dependencies ?? {})))
    .map((w) => ({
      path: `assemble/package.json: dependencies`,
      message: `does not list ${w.name} (${w.source}), so turbo may assemble before it renders`,
      hint: `add "${w.name}": "workspace:*" and run \`pnpm install\` (\`pnpm ultron new\` does this for apps)`,
    }));
}

/** A fingerprint of a CRD folder: where it is, and its files' paths, sizes and modification times. */
function folderFingerprint(dir: string, format: number): string {
  const hash = createHash('sha256').update(`${format}\n${resolve(dir)}\n`);
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name))
    .sort()) {
    const st = statSync(e);
    hash.update(`${relative(dir, e)}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Strict schemas of the pinned CRDs (unknown fields are errors), when ULTRON_CRDS_DIR points at them.
 * Parsing the CRDs and compiling the schemas a tree uses take seconds, so they are cached for every clone
 * on the machine (`~/.cache/ultron`, see ultronCacheDir): the parsed CRDs keyed by the CRD folder's
 * fingerprint (a file per version, read when validated against), each compiled schema as a module keyed
 * by ajv's version and the schema's hash. The file contents found valid stay with the repository
 * (node_modules/.cache/ultron, see CheckedFiles), so a one-workload change re-checks only that workload's
 * changed files.
 */
async function crdCheck(repo: Repo): Promise<TreeCheck | undefined> {
  const dir = process.env.ULTRON_CRDS_DIR;
  if (!dir || !existsSync(dir)) return undefined;
  const { CrdRegistry, ultronCacheDir } = await import('@ultron/platform/conformance');
  const machineCache = ultronCacheDir();
  const repoCache = join(repo.root, 'node_modules', '.cache', 'ultron');
  // The index's layout is part of the key: a folder written by another version of it is not read.
  const fingerprint = folderFingerprint(dir, CrdRegistry.INDEX_FORMAT);
  const indexDir = join(machineCache, 'crd-index', fingerprint);
  let registry: InstanceType<typeof CrdRegistry> | undefined;
  const load = () => {
    if (registry) return registry;
    if (existsSync(join(indexDir, 'kinds.json'))) registry = CrdRegistry.fromIndexDir(indexDir);
    else {
      registry = CrdRegistry.fromDirectory(dir);
      registry.writeIndexDir(indexDir);
    }
    return registry.cacheValidatorsIn(join(machineCache, 'crd-validators'));
  };
  const memo = new CheckedFiles(join(repoCache, `crd-valid-${fingerprint}.json`));
  return {
    id: 'crd-schema',
    check(tree) {
      const byFile = Map.groupBy(tree.entries, (e) => e.file);
      const valid: string[] = [];
      const problems = [...byFile].flatMap(([file, entries]) => {
        const content = tree.files.get(file) ?? '';
        if (memo.passed(content)) {
          valid.push(content);
          return [];
        }
        const found = entries.flatMap(({ manifest }) => {
          const verdict = load().validate(manifest);
          return verdict.status === 'invalid'
            ? verdict.problems.map((p) => ({ ...p, path: `${file}: ${p.path}` }))
            : [];
        });
        if (found.length === 0) valid.push(content);
        return found;
      });
      memo.save(valid);
      return problems;
    },
  };
}

/** A digest of the installed platform's build, whose rules judged what `object-rules-passed-*` holds. */
function rulesDigest(): string {
  const dir = dirname(fileURLToPath(import.meta.resolve('@ultron/platform/package.json')));
  return platformDigest(dir).slice(0, 16);
}

/** The newest modification time of the source files under `dir` (not node_modules, staging or output). */
function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', STAGE_DIR, 'dist', '.turbo'].includes(e.name)) continue;
    const path = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * A staged slice older than its workspace's sources (or the cluster definition) was not rendered from
 * them: `ultron assemble` run by hand after an edit, without `pnpm turbo build`. Such a workspace is
 * rendered now instead. Under turbo the staged file is always newer: written or restored after its inputs.
 */
function stagedIsOlder(dir: string, shared: number): boolean {
  const file = join(dir, STAGE_FILE);
  if (!existsSync(file)) return true;
  return statSync(file).mtimeMs < Math.max(shared, newestSource(dir));
}

/**
 * Every workspace's slice put together and checked as one tree, without writing anything: staged slices
 * (what `pnpm turbo build` just rendered or restored from its cache) or, for the workspaces in `fresh`
 * and any not staged yet, a render in this process. A definition with problems contributes its problems.
 */
export async function assembleRepo(
  repo: Repo,
  options: { fresh?: ReadonlySet<string>; strictSchemas?: boolean } = {},
): Promise<RepoAssembly> {
  const workspaces = renderWorkspaces(repo);
  const slices: StagedSlice[] = [];
  const problems: Problem[] = [...orderingProblems(repo, workspaces)];
  const renderedNow: string[] = [];
  const shared = newestSource(join(repo.root, 'cluster'));
  for (const ws of workspaces) {
    const staged =
      options.fresh?.has(ws.source) || stagedIsOlder(ws.dir, shared) ? undefined : readStagedSlice(ws.dir);
    if (staged && staged.source === ws.source) {
      slices.push(staged);
      continue;
    }
    renderedNow.push(ws.source);
    try {
      slices.push(await renderWorkspace(ws));
    } catch (error) {
      if (!isUserError(error)) throw error;
      problems.push(...error.problems.map((p) => ({ ...p, path: `${ws.source}: ${p.path}` })));
    }
  }
  const checks: TreeCheck[] = [budgetCheck(await loadCluster(repo.root))];
  const crds = options.strictSchemas === false ? undefined : await crdCheck(repo);
  if (crds) checks.push(crds);
  // What every `object` rule already passed, remembered per rules code (the installed platform's digest).
  const rulesMemo = new CheckedFiles(
    join(repo.root, 'node_modules', '.cache', 'ultron', `object-rules-passed-${rulesDigest()}.json`),
  );
  const result = assembleSlices(slices, {
    checks,
    objectRulesPassed: (content) => rulesMemo.passed(content),
  });
  rulesMemo.save(
    [...new Set(result.entries.map((e) => e.file))]
      .filter((file) => !result.objectRuleFailures.has(file))
      .map((file) => result.files.get(file) ?? ''),
  );
  return { ...result, problems: [...problems, ...result.problems], workspaces, renderedNow };
}

/**
 * The one rule of the build: the tree is written only from an assembly without a single problem. Returns
 * what was written, or undefined (and the tree keeps its exact bytes) when there was any problem.
 */
export function writeIfClean(
  treeDir: string,
  assembly: AssembleResult,
  current?: ReadonlyMap<string, string>,
): WriteSummary | undefined {
  if (assembly.problems.length > 0) return undefined;
  return writeTree(treeDir, assembly.files, current);
}
