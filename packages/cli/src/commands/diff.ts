import { computeDrift } from '../lib/drift.ts';
import { EXIT, type ExitCode } from '../lib/exit.ts';
import { printRenderFailures } from '../lib/problems.ts';
import { openRepo } from '../lib/repo.ts';
import { bySource, type FileChange, unifiedDiff } from '../lib/tree-diff.ts';
import { Ui } from '../lib/ui.ts';

export interface DiffOptions {
  base?: string;
  markdown?: boolean;
  json?: boolean;
}

function tally(changes: readonly FileChange[]): string {
  const n = (s: FileChange['status']) => changes.filter((c) => c.status === s).length;
  return (['changed', 'added', 'removed'] as const)
    .filter((s) => n(s) > 0)
    .map((s) => `${n(s)} ${s}`)
    .join(', ');
}

function colour(ui: Ui, patch: string): string {
  return patch
    .split('\n')
    .map((line) =>
      line.startsWith('+++') || line.startsWith('---')
        ? ui.paint('bold', line)
        : line.startsWith('+')
          ? ui.paint('ok', line)
          : line.startsWith('-')
            ? ui.paint('fail', line)
            : line.startsWith('@@')
              ? ui.paint('info', line)
              : line,
    )
    .join('\n');
}

/** Diffs longer than this fold away in a pull request, behind their file list. */
const INLINE_LINES = 80;

/** One workspace's changes for a pull request: the file list, then the diff (folded when long). */
function markdownSection(source: string, changes: readonly FileChange[], treeLabel: string): string {
  const files = changes.map(
    (c) => `- \`${treeLabel}/${c.path}\` ${c.status}${c.reason ? `: ${c.reason}` : ''}`,
  );
  const patch = changes.map((c) => unifiedDiff(c, treeLabel).trimEnd()).join('\n');
  const lines = patch.split('\n').length;
  const block = `\`\`\`diff\n${patch}\n\`\`\``;
  const body =
    lines <= INLINE_LINES
      ? block
      : `<details><summary>diff (${lines} lines)</summary>\n\n${block}\n</details>`;
  return `### \`${source}\` — ${tally(changes)}\n\n${files.join('\n')}\n\n${body}\n`;
}

/**
 * What a fresh render would change, one section per workspace (app or platform component), as unified
 * diffs. `--markdown` renders sections a pull request comment shows with diff highlighting. Exit 0 even
 * when there are changes (it is a report; `ultron check` is the gate), 1 when a definition does not render.
 */
export async function diff(options: DiffOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const drift = await ui.task('rendering every workspace', async () =>
    computeDrift(openRepo(), options.base),
  );
  const groups = bySource(drift.changes);

  if (ui.json) {
    ui.printJson({
      base: drift.base,
      workspaces: [...groups].map(([source, changes]) => ({
        source,
        files: changes.map((c) => ({
          path: `${drift.treeLabel}/${c.path}`,
          status: c.status,
          ...(c.reason ? { reason: c.reason } : {}),
          diff: unifiedDiff(c, drift.treeLabel),
        })),
      })),
      failures: drift.failures,
    });
    return drift.failures.length ? EXIT.problems : EXIT.ok;
  }

  printRenderFailures(ui, drift.failures);
  if (groups.size === 0) {
    if (options.markdown)
      ui.out(`No changes: \`${drift.treeLabel}/\` matches a fresh render (${drift.base}).`);
    else ui.mark('ok', `no changes: ${drift.treeLabel}/ matches a fresh render (${drift.base})`);
  }
  for (const [source, changes] of groups) {
    if (options.markdown) {
      ui.out(markdownSection(source, changes, drift.treeLabel));
    } else {
      ui.out(ui.paint('bold', `${source}: ${tally(changes)}`));
      for (const c of changes) {
        if (c.reason) ui.out(ui.paint('warn', `# ${drift.treeLabel}/${c.path}: ${c.reason}`));
        ui.out(colour(ui, unifiedDiff(c, drift.treeLabel).trimEnd()));
      }
      ui.out();
    }
  }
  return drift.failures.length ? EXIT.problems : EXIT.ok;
}
