import { computeDrift } from '../lib/drift.ts';
import { EXIT, type ExitCode } from '../lib/exit.ts';
import { uncommitted } from '../lib/git.ts';
import { printRenderFailures } from '../lib/problems.ts';
import { openRepo, type Repo } from '../lib/repo.ts';
import { bySource } from '../lib/tree-diff.ts';
import { plural, Ui } from '../lib/ui.ts';

export interface CheckOptions {
  base?: string;
  json?: boolean;
}

/**
 * The CI gate: the tree must be exactly a fresh render — no edited, missing, stale or orphaned file.
 * With `--base HEAD` it checks what is committed, so it also fails after a build rewrote the working tree.
 */
export async function check(options: CheckOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const drift = await ui.task('rendering every workspace', () => computeDrift(repo, options.base));
  const current = drift.changes.length === 0 && drift.failures.length === 0;

  if (ui.json) {
    ui.printJson({
      current,
      base: drift.base,
      changes: drift.changes.map((c) => ({
        path: `${drift.treeLabel}/${c.path}`,
        status: c.status,
        source: c.source,
        ...(c.reason ? { reason: c.reason } : {}),
      })),
      failures: drift.failures,
    });
    return current ? EXIT.ok : EXIT.problems;
  }

  printRenderFailures(ui, drift.failures);
  if (current) {
    ui.mark('ok', `${drift.treeLabel}/ matches a fresh render (${drift.base})`);
    return EXIT.ok;
  }
  if (drift.changes.length) {
    ui.mark(
      'fail',
      `${drift.treeLabel}/ is not a fresh render (${drift.base}): ${plural(drift.changes.length, 'file')} ${drift.changes.length === 1 ? 'differs' : 'differ'}`,
    );
    for (const [source, changes] of bySource(drift.changes)) {
      ui.out(`  ${ui.paint('bold', source)}`);
      for (const c of changes)
        ui.out(
          `    ${c.status.padEnd(8)} ${drift.treeLabel}/${c.path}${c.reason ? ui.paint('dim', ` — ${c.reason}`) : ''}`,
        );
    }
    for (const line of await why(repo, drift.base, drift.treeLabel)) ui.out(`  → ${line}`);
  }
  return EXIT.problems;
}

/**
 * Why the tree and a fresh render differ, in the user's terms. A fresh render is always of the working
 * tree's sources; with --base the tree compared is the committed one. So "the tree is stale" (build and
 * commit) is a different fix from "your sources have uncommitted changes" (the check compares a commit
 * with sources that are not in it) and from "the build ran but gitops/ was not committed".
 */
async function why(repo: Repo, base: string, label: string): Promise<string[]> {
  const diff = `\`pnpm ultron diff${base === 'working tree' ? '' : ` --base ${base}`}\` shows the changes`;
  if (base === 'working tree')
    return [
      `${label}/ is stale: run \`pnpm turbo build\` and commit the result (never edit it by hand); ${diff}`,
    ];
  const { sources, tree } = uncommitted(repo.root, repo.treeDir);
  const lines: string[] = [];
  if (sources.length > 0)
    lines.push(
      `your sources have uncommitted changes (${sources.slice(0, 3).join(', ')}${sources.length > 3 ? ', …' : ''}): the render is of them, but ${label}/ is compared as committed at ${base}. Commit them together with the rebuilt ${label}/, or stash them to check ${base} alone`,
    );
  const working = await computeDrift(repo);
  if (working.changes.length === 0 && working.failures.length === 0 && tree.length > 0)
    lines.push(`${label}/ in the working tree is current; ${base}'s is stale: commit ${label}/`);
  else if (sources.length === 0)
    lines.push(`${label}/ at ${base} is stale: run \`pnpm turbo build\` and commit the result`);
  lines.push(diff);
  return lines;
}
