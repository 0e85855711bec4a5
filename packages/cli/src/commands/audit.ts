import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type AuditReport, auditTree } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { parse } from 'yaml';
import { loadCluster } from '../lib/cluster.ts';
import { EXIT, type ExitCode, problemsError } from '../lib/exit.ts';
import { openRepo, requireTree } from '../lib/repo.ts';
import { plural, Ui } from '../lib/ui.ts';

export interface AuditOptions {
  json?: boolean;
}

/** The Argo CD Helm values and the bootstrap's releases, read from the rendered bootstrap folder. */
function bootstrapFacts(treeDir: string): { argoCdValues?: Record<string, unknown>; helmReleases: string[] } {
  const helmDir = join(treeDir, 'bootstrap', 'helm');
  let files: string[] = [];
  try {
    files = readdirSync(helmDir)
      .filter((f) => f.endsWith('.values.yaml'))
      .sort();
  } catch {
    return { helmReleases: [] };
  }
  const helmReleases: string[] = [];
  let argoCdValues: Record<string, unknown> | undefined;
  for (const file of files) {
    const text = readFileSync(join(helmDir, file), 'utf8');
    // Each values file starts with `# <chart> <version> from <repo>: release <name> in namespace <ns>.`
    const head = /release (\S+) in namespace (\S+)\./.exec(text);
    if (head) helmReleases.push(`${head[1]} (${head[2]})`);
    if (/^# argo-cd /m.test(text)) argoCdValues = parse(text) as Record<string, unknown>;
  }
  return { ...(argoCdValues ? { argoCdValues } : {}), helmReleases };
}

/**
 * The security report of the rendered tree: per namespace its Pod Security level, policies and public
 * hosts; who holds cluster-wide rights; every object that bypasses a rule. Exit 1 when a finding is not
 * accepted (with a reason) in the cluster definition's `audit.accept`.
 */
export async function audit(options: AuditOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const treeDir = requireTree(repo);
  let entries: ReturnType<typeof loadTree>;
  try {
    entries = loadTree(treeDir);
  } catch (error) {
    throw problemsError(`the tree does not parse: ${(error as Error).message}`, 'run `pnpm turbo build`');
  }
  const cluster = await loadCluster(repo.root);
  const report = auditTree({ entries, cluster, ...bootstrapFacts(treeDir) });
  const open = report.findings.filter((f) => !f.accepted);
  if (ui.json) ui.printJson({ ok: open.length === 0, tree: relative(repo.root, treeDir) || '.', ...report });
  else print(ui, report);
  return open.length ? EXIT.problems : EXIT.ok;
}

function print(ui: Ui, r: AuditReport): void {
  ui.out(ui.paint('bold', 'Namespaces'));
  for (const ns of r.namespaces) {
    const pss =
      ns.podSecurity === 'restricted' ? ui.paint('ok', ns.podSecurity) : ui.paint('warn', ns.podSecurity);
    const deny = ns.defaultDeny ? ui.paint('ok', 'default-deny') : ui.paint('fail', 'no default-deny');
    ui.out(
      `\n  ${ui.paint('bold', ns.name)}  pod security ${pss} · ${deny} · ${plural(ns.allows.length, 'allow')}`,
    );
    if (ns.podSecurityReason)
      ui.out(`    ${ui.paint('dim', `why ${ns.podSecurity}: ${ns.podSecurityReason}`)}`);
    if (ns.publicHosts.length) ui.out(`    public: ${ns.publicHosts.join(', ')}`);
    for (const a of ns.allows) ui.out(`    ${a.name}: ${ui.paint('dim', a.reason || '(no reason)')}`);
  }
  ui.out(`\n${ui.paint('bold', 'Cluster-wide rights')}`);
  for (const c of r.clusterWide) ui.out(`  ${c.subject} ${ui.paint('dim', `(${c.via})`)}`);
  ui.out(`\n${ui.paint('bold', 'Findings')}`);
  if (r.findings.length === 0) ui.mark('ok', 'none');
  for (const f of r.findings) {
    if (f.accepted) ui.out(`  ${ui.paint('dim', `accepted ${f.id}: ${f.message} — ${f.accepted}`)}`);
    else ui.out(`  ${ui.paint('fail', '✗')} ${f.id}: ${f.message}`);
  }
  for (const id of r.staleAcceptances)
    ui.mark(
      'warn',
      `audit.accept["${id}"] matches no finding any more: remove it from the cluster definition`,
    );
  const open = r.findings.filter((f) => !f.accepted).length;
  const accepted = r.findings.length - open;
  ui.out(
    `\n${open ? ui.paint('fail', plural(open, 'finding')) : ui.paint('ok', 'no open finding')}` +
      (open ? ' not accepted in the cluster definition (audit.accept)' : '') +
      (accepted ? `; ${accepted} accepted` : ''),
  );
}
