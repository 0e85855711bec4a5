import { computeDrift } from '../lib/drift.ts';
import { EXIT, type ExitCode } from '../lib/exit.ts';
import { printRenderFailures } from '../lib/problems.ts';
import { openRepo } from '../lib/repo.ts';
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
  const drift = await ui.task('rendering every workspace', () => computeDrift(openRepo(), options.base));
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
    ui.out(
      `  → run \`pnpm turbo build\` and commit the result; \`pnpm ultron diff${drift.base === 'working tree' ? '' : ` --base ${drift.base}`}\` shows the changes`,
    );
  }
  return EXIT.problems;
}
