import { relative } from 'node:path';
import { loadTree } from '@ultron/platform/conformance';
import { EXIT, type ExitCode } from '../lib/exit.ts';
import { openRepo, requireTree } from '../lib/repo.ts';
import { checkLive, type LiveResult } from '../lib/secret-check.ts';
import { outOfBandSecrets, type SecretNeed } from '../lib/secret-refs.ts';
import { createCommand, notes } from '../lib/secret-runbook.ts';
import { Ui } from '../lib/ui.ts';

export interface SecretsOptions {
  check?: boolean;
  context?: string;
  json?: boolean;
}

function printRunbook(ui: Ui, treeLabel: string, needs: readonly SecretNeed[]): void {
  ui.out(ui.paint('bold', `Out-of-band secrets referenced by ${treeLabel}/ (${needs.length})`));
  ui.out(
    ui.paint(
      'dim',
      'Values never live in Git. Create each once its namespace exists (Argo CD creates namespaces on the first sync);\nthe commands write a temporary env file, create the Secret from it and delete it. Replace every <KEY> first.',
    ),
  );
  for (const need of needs) {
    ui.out(
      `\n${ui.paint('bold', `${need.namespace}/${need.name}`)}${need.type === 'generic' ? '' : ` (${need.type})`}`,
    );
    ui.out(`  keys  ${need.keys.join(', ') || '(any)'}`);
    for (const p of need.purposes) ui.out(`  for   ${p}`);
    for (const n of notes(need)) ui.out(`  ${ui.paint('warn', 'note')}  ${n}`);
    // Flush left, so the block pastes as-is: an indented heredoc terminator would never end the heredoc.
    ui.out(createCommand(need));
  }
  ui.out(`\n${ui.paint('dim', 'Compare with the cluster (read-only): pnpm ultron secrets --check')}`);
}

const TONE = { ok: 'ok', missing: 'fail', incomplete: 'fail', suspicious: 'warn' } as const;

/**
 * The runbook of every Secret the tree reads but nothing creates, derived from the rendered objects (so it
 * is complete by construction), and with `--check` how the live cluster compares. Values are never printed.
 */
export async function secrets(options: SecretsOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const treeLabel = relative(repo.root, requireTree(repo)) || '.';
  const needs = outOfBandSecrets(loadTree(repo.treeDir));

  if (!options.check) {
    if (ui.json) ui.printJson(needs.map((n) => ({ ...n, notes: notes(n), command: createCommand(n) })));
    else printRunbook(ui, treeLabel, needs);
    return EXIT.ok;
  }

  const results: LiveResult[] = await ui.task(
    `reading ${needs.length} secrets from the cluster`,
    async () => {
      const out: LiveResult[] = [];
      for (const need of needs) out.push(await checkLive(need, { context: options.context }));
      return out;
    },
  );
  // Results are in the order of `needs`; an optional secret may be absent.
  const bad = results.filter((r, i) => r.status !== 'ok' && !needs[i]!.optional);
  if (ui.json) ui.printJson({ ok: bad.length === 0, secrets: results });
  else {
    for (const r of results)
      ui.mark(
        TONE[r.status],
        `${`${r.namespace}/${r.name}`.padEnd(40)} ${r.status}${r.detail ? `: ${r.detail}` : ''}`,
      );
    if (bad.length)
      ui.out(`\n${bad.length} of ${results.length} need attention → pnpm ultron secrets (the runbook)`);
    else ui.out(`\nall ${results.length} present`);
  }
  return bad.length ? EXIT.problems : EXIT.ok;
}
