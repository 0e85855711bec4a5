import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  appNames,
  formatProblems,
  parseImageRef,
  type WriteSummary,
  workloadDir,
  writeTree,
} from '@ultron/platform';
import { listApps } from '../lib/apps.ts';
import { assembleRepo } from '../lib/assemble.ts';
import { EXIT, type ExitCode, environmentError } from '../lib/exit.ts';
import { writeFilesAtomically } from '../lib/files.ts';
import { pinned } from '../lib/image-ref.ts';
import { openRepo, requireApp } from '../lib/repo.ts';
import { Ui } from '../lib/ui.ts';
import { findRenderWorkspace } from '../lib/workspaces.ts';

export interface ImageSetOptions {
  json?: boolean;
}

/** `image: '<ref>',` — the one property line `ultron new` writes and this command edits. */
const IMAGE_LINE = /^(\s*image:\s*)(['"])([^'"]+)\2(.*)$/;

/** Finds the definition's single image line; anything else is not safe to edit mechanically. */
function findImageLine(lines: readonly string[], file: string): { index: number; match: RegExpExecArray } {
  const hits = lines.flatMap((line, index) => {
    const match = IMAGE_LINE.exec(line);
    return match ? [{ index, match }] : [];
  });
  if (hits.length !== 1) {
    throw environmentError(
      `${file} has ${hits.length} \`image: '…'\` lines; the bump edits exactly one`,
      "keep the app's image as one `image: '<registry>/<owner>/<app>:<tag>',` line",
    );
  }
  return hits[0]!;
}

/**
 * The deploy trigger: pins the app's image to a new tag or digest in its one source line, then re-renders
 * that app (its Rollout and migrations Job pick up the new image). A render failure restores the line.
 */
export async function imageSet(app: string, version: string, options: ImageSetOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const ws = requireApp(repo, app, listApps(repo));
  const file = relative(repo.root, ws.definition);
  const original = readFileSync(ws.definition, 'utf8');
  const lines = original.split('\n');
  const { index, match } = findImageLine(lines, file);
  const from = match[3]!;
  const to = pinned(parseImageRef(from).repository, version);

  if (from === to) {
    if (ui.json) ui.printJson({ app, file, line: index + 1, from, to, changed: false });
    else ui.mark('ok', `${app} already runs ${to}; nothing to change`);
    return EXIT.ok;
  }

  lines[index] = `${match[1]}${match[2]}${to}${match[2]}${match[4]}`;
  await writeFilesAtomically(repo.root, new Map([[file, lines.join('\n')]]));

  const renderer = findRenderWorkspace(repo, workloadDir(app));
  if (!renderer)
    throw environmentError(`${workloadDir(app)}/package.json has no \`ultron-render\` build script`);
  // The app is rendered now; every other slice comes from its staging (or is rendered too when it has
  // none). The whole tree is checked as the build checks it, and only then swapped in.
  let summary: WriteSummary;
  const assembled = await ui.task(`rendering ${renderer.source} and checking the whole tree`, () =>
    assembleRepo(repo, { fresh: new Set([renderer.source]) }),
  );
  if (assembled.problems.length > 0) {
    await writeFilesAtomically(repo.root, new Map([[file, original]]));
    ui.mark('fail', `${renderer.source} does not render with ${to}; ${file} was restored`);
    ui.out(formatProblems(assembled.problems));
    return EXIT.problems;
  }
  try {
    summary = writeTree(repo.treeDir, assembled.files);
  } catch (error) {
    await writeFilesAtomically(repo.root, new Map([[file, original]]));
    throw error;
  }

  const treeLabel = relative(repo.root, repo.treeDir);
  if (ui.json) {
    ui.printJson({ app, file, line: index + 1, from, to, changed: true, rendered: summary });
    return EXIT.ok;
  }
  ui.mark('ok', `${app}: ${from} → ${ui.paint('bold', to)}`);
  ui.out(`  ${file}:${index + 1}`);
  for (const path of summary.written) ui.out(`  ${treeLabel}/${path}`);
  for (const path of summary.pruned) ui.out(`  ${treeLabel}/${path} (pruned)`);
  ui.note(
    ui.paint(
      'dim',
      `next: commit and push; Argo CD syncs, migrations run, the canary walks its steps`,
      process.stderr,
    ),
  );
  const names = appNames(app);
  ui.note(
    ui.paint(
      'dim',
      `      kubectl argo rollouts get rollout ${names.rollout} -n ${names.namespace} --watch`,
      process.stderr,
    ),
  );
  return EXIT.ok;
}
