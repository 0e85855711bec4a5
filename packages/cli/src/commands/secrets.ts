import { relative } from 'node:path';
import { loadTree } from '@ultron/platform/conformance';
import {
  outOfBandSecrets,
  type SecretNeed,
  type VaultLocation,
  type VaultValue,
  vaultCommand,
  vaultLocation,
  vaultValues,
} from '@ultron/platform/core';
import { EXIT, type ExitCode } from '../lib/exit.ts';
import { openRepo, requireTree } from '../lib/repo.ts';
import { checkLive, type LiveResult } from '../lib/secret-check.ts';
import { createCommand, notes } from '../lib/secret-runbook.ts';
import { Ui } from '../lib/ui.ts';

export interface SecretsOptions {
  check?: boolean;
  context?: string;
  json?: boolean;
}

function printManual(ui: Ui, treeLabel: string, needs: readonly SecretNeed[]): void {
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
}

function printVault(ui: Ui, at: VaultLocation, values: readonly VaultValue[]): void {
  ui.out(ui.paint('bold', `Values to put into the OCI Vault (${values.length})`));
  ui.out(
    ui.paint(
      'dim',
      `External Secrets Operator creates every Secret of the tree from vault ${at.vault} (as the node: instance principal).\nPut each value in once; a rebuild from Git then needs nothing typed. The commands never put a value on a command line.`,
    ),
  );
  for (const value of values) {
    ui.out(`\n${ui.paint('bold', value.vaultSecret)}`);
    ui.out(`  into  ${value.secrets.map((s) => `${s}${value.key ? ` key ${value.key}` : ''}`).join(', ')}`);
    ui.out(vaultCommand(at, value).replace(/^/gm, '    '));
  }
}

const TONE = { ok: 'ok', missing: 'fail', incomplete: 'fail', suspicious: 'warn' } as const;

/**
 * What a human must provide for the Secrets the tree reads, derived from the rendered objects (so it is
 * complete by construction): with the OCI Vault backend the vault values and the `oci` commands that put
 * them there (plus any Secret no ExternalSecret covers), otherwise the `kubectl` runbook. `--check` compares
 * every Secret the tree reads with the live cluster. Values are never printed.
 */
export async function secrets(options: SecretsOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const treeLabel = relative(repo.root, requireTree(repo)) || '.';
  const objects = loadTree(repo.treeDir);
  const vault = vaultLocation(objects);
  const manual = outOfBandSecrets(objects);
  const values = vault ? vaultValues(objects) : [];

  if (!options.check) {
    if (ui.json)
      ui.printJson({
        backend: vault ? 'oci-vault' : 'manual',
        manual: manual.map((n) => ({ ...n, notes: notes(n), command: createCommand(n) })),
        vault: vault ? values.map((v) => ({ ...v, command: vaultCommand(vault, v) })) : [],
      });
    else {
      if (vault) printVault(ui, vault, values);
      if (!vault || manual.length) {
        if (vault) ui.out('');
        printManual(ui, treeLabel, manual);
      }
      ui.out(`\n${ui.paint('dim', 'Compare with the cluster (read-only): pnpm ultron secrets --check')}`);
    }
    return EXIT.ok;
  }

  // Every Secret the tree reads from outside itself, whoever creates it (ESO or a human): after a sync,
  // each must exist with its keys.
  const needs = outOfBandSecrets(objects.filter((o) => o.manifest.kind !== 'ExternalSecret'));
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
      ui.out(
        `\n${bad.length} of ${results.length} need attention → pnpm ultron secrets (${vault ? 'the vault values; then kubectl get externalsecrets -A' : 'the runbook'})`,
      );
    else ui.out(`\nall ${results.length} present`);
  }
  return bad.length ? EXIT.problems : EXIT.ok;
}
