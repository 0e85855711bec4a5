import { relative } from 'node:path';
import { formatProblems, readTreeFilesAsync } from '@ultron/platform';
import { assembleRepo, writeIfClean } from '../lib/assemble.ts';
import { EXIT, type ExitCode } from '../lib/exit.ts';
import { openRepo } from '../lib/repo.ts';
import { plural, Ui } from '../lib/ui.ts';

export interface AssembleOptions {
  json?: boolean;
}

/**
 * The last step of `pnpm turbo build` (the `assemble` workspace's build): every workspace's staged slice
 * put together, the WHOLE tree checked (ownership, unique and reserved names, every cross-object rule and
 * policy, the node budget, the pinned CRD schemas when ULTRON_CRDS_DIR is set), and only then the tree
 * swapped in at once. On any problem every one is listed, exit 1, and the tree keeps its exact bytes.
 */
export async function assemble(options: AssembleOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const started = performance.now();
  const repo = openRepo();
  const label = relative(repo.root, repo.treeDir) || '.';
  // The tree as it is now, read while the checks run (the writer compares against it).
  const current = readTreeFilesAsync(repo.treeDir);
  const result = await assembleRepo(repo);
  const summary = writeIfClean(repo.treeDir, result, await current);
  if (!summary) {
    if (ui.json) ui.printJson({ ok: false, problems: result.problems });
    else {
      ui.mark('fail', `the assembled tree has ${plural(result.problems.length, 'problem')}:`);
      ui.out(formatProblems(result.problems));
      ui.out(`  ${label}/ was not changed.`);
    }
    return EXIT.problems;
  }
  const ms = Math.round(performance.now() - started);
  if (ui.json) ui.printJson({ ok: true, files: result.files.size, ...summary });
  else {
    for (const r of summary.recovered) ui.mark('warn', `an interrupted earlier build was cleaned up: ${r}`);
    if (result.renderedNow.length)
      ui.mark(
        'warn',
        `rendered here, their staged slices being missing or older than their sources: ${result.renderedNow.join(', ')} (\`pnpm turbo build\` renders and caches them)`,
      );
    ui.mark(
      'ok',
      `${label}/: ${result.files.size} files from ${plural(result.workspaces.length, 'workspace')} passed every check; ${
        summary.swapped
          ? `${summary.written.length} written, ${summary.pruned.length} pruned`
          : 'already current, nothing written'
      } (${ms} ms)`,
    );
  }
  return EXIT.ok;
}
