import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import {
  checkTree,
  crossObjectRules,
  describe,
  type Problem,
  policyRules,
  type TreeEntry,
} from '@ultron/platform';
import { type CrdLocation, CrdRegistry, loadTree, resolveCrds } from '@ultron/platform/conformance';
import { EXIT, type ExitCode, environmentError, problemsError, usageError } from '../lib/exit.ts';
import { byCodePoint } from '../lib/order.ts';
import { openRepo, requireTree, userPath } from '../lib/repo.ts';
import { plural, Ui } from '../lib/ui.ts';

export interface ValidateOptions {
  crds?: string;
  json?: boolean;
}

type Check = 'schema' | 'rules' | 'policy';

interface Finding extends Problem {
  check: Check;
  /** The file (relative to the tree) holding the object, when the problem names one. */
  file: string | null;
}

function loadObjects(treeDir: string): TreeEntry[] {
  try {
    return loadTree(treeDir);
  } catch (error) {
    throw problemsError(`the tree does not parse: ${(error as Error).message}`, 'run `pnpm turbo build`');
  }
}

async function locateCrds(
  ui: Ui,
  flag: string | undefined,
): Promise<CrdLocation | { dir: string; origin: 'flag' }> {
  if (!flag)
    return ui.task('finding the pinned CRDs', async () => {
      try {
        return await resolveCrds();
      } catch (error) {
        // The setting names a folder that is not there: nothing to fall back to without guessing.
        throw environmentError(
          (error as Error).message,
          'point ULTRON_CRDS_DIR at the pinned CRDs, or pass --crds',
        );
      }
    });
  const dir = userPath(flag);
  if (!existsSync(dir)) throw usageError(`--crds ${flag}: no such folder`);
  return { dir, origin: 'flag' };
}

/** The file of the object a rule's problem is about: its path starts with `Kind ns/name`. */
function fileIndex(objects: readonly TreeEntry[]): (p: Problem) => string | null {
  const byName = new Map(objects.map((o) => [describe(o.manifest), o.file]));
  return (p) => {
    const subject = p.path.split(': ', 1)[0]!;
    return byName.get(subject) ?? null;
  };
}

/**
 * Everything in the rendered tree, checked the way the cluster would see it: each object strictly against
 * the CRD schema of the pinned version (unknown fields are errors), then the kit's rules across objects,
 * then the per-object policies. Exit 1 on any problem; 3 when the CRDs cannot be found.
 */
export async function validate(options: ValidateOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const treeDir = requireTree(repo);
  const treeLabel = relative(repo.root, treeDir) || '.';
  const objects = loadObjects(treeDir);
  const fileOf = fileIndex(objects);
  const findings: Finding[] = [];

  const location = await locateCrds(ui, options.crds);
  const counts = { checked: 0, builtIn: 0, celRulesNotEvaluated: 0 };
  if ('dir' in location) {
    await ui.task(`checking ${objects.length} objects against the pinned CRDs`, () => {
      const registry = CrdRegistry.fromDirectory(location.dir);
      for (const o of objects) {
        const verdict = registry.validate(o.manifest);
        if (verdict.status === 'built-in') counts.builtIn++;
        else if (verdict.status === 'valid') {
          counts.checked++;
          counts.celRulesNotEvaluated += verdict.celRulesNotEvaluated;
        } else
          findings.push(...verdict.problems.map((p) => ({ ...p, check: 'schema' as const, file: o.file })));
      }
    });
  }
  for (const p of checkTree(objects, crossObjectRules))
    findings.push({ ...p, check: 'rules', file: fileOf(p) });
  for (const p of checkTree(objects, policyRules)) findings.push({ ...p, check: 'policy', file: fileOf(p) });

  const skipped = 'skip' in location ? location.skip : null;
  if (ui.json) {
    ui.printJson({
      ok: findings.length === 0 && !skipped,
      tree: treeLabel,
      objects: objects.length,
      crds: skipped ? { skipped } : { dir: (location as { dir: string }).dir, ...counts },
      rules: crossObjectRules.map((r) => r.id),
      policies: policyRules.map((r) => r.id),
      problems: findings,
    });
  } else {
    report(ui, { treeLabel, objects, findings, counts, skipped });
  }
  if (findings.length > 0) return EXIT.problems;
  if (skipped)
    throw environmentError(`schema check skipped: ${skipped}`, 'pass --crds <folder of the pinned CRDs>');
  return EXIT.ok;
}

function report(
  ui: Ui,
  r: {
    treeLabel: string;
    objects: TreeEntry[];
    findings: Finding[];
    counts: { checked: number; builtIn: number; celRulesNotEvaluated: number };
    skipped: string | null;
  },
): void {
  const files = new Set(r.objects.map((o) => o.file)).size;
  ui.out(`${r.treeLabel}/: ${r.objects.length} objects in ${files} files`);
  const count = (check: Check) => r.findings.filter((f) => f.check === check).length;
  const line = (check: Check, ok: string) => {
    const n = count(check);
    ui.mark(n ? 'fail' : 'ok', `${check.padEnd(7)} ${n ? plural(n, 'problem') : ok}`);
  };
  if (r.skipped) ui.mark('warn', `schema  skipped: ${r.skipped}`);
  else
    line(
      'schema',
      `${r.counts.checked} custom resources match the pinned CRDs; ${r.counts.builtIn} built-in objects were checked at render` +
        (r.counts.celRulesNotEvaluated
          ? ` (${r.counts.celRulesNotEvaluated} CEL rules are left to the API server)`
          : ''),
    );
  line('rules', `${crossObjectRules.length} cross-object rules pass`);
  line('policy', `${policyRules.map((p) => p.id).join(', ')}`);

  const groups = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const key = f.file ? `${r.treeLabel}/${f.file}` : '(whole tree)';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [file, list] of [...groups].sort(([a], [b]) => byCodePoint(a, b))) {
    ui.out(`\n${ui.paint('bold', file)}`);
    for (const f of list) {
      ui.out(`  ${ui.paint('fail', '✗')} ${f.path}: ${f.message} ${ui.paint('dim', `(${f.check})`)}`);
      if (f.hint) ui.out(`    ${ui.paint('dim', `→ ${f.hint}`)}`);
    }
  }
  const n = r.findings.length;
  if (n) ui.out(`\n${ui.paint('fail', plural(n, 'problem'))}`);
}
