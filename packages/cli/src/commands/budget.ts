import { clusterCapacity } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { loadCluster } from '../lib/cluster.ts';
import { type Consumer, consumers, diskReader, total } from '../lib/consumers.ts';
import { EXIT, type ExitCode } from '../lib/exit.ts';
import { byCodePoint } from '../lib/order.ts';
import { type Amount, add, formatCpu, formatMemory, max, percent, ZERO } from '../lib/quantities.ts';
import { openRepo, requireTree } from '../lib/repo.ts';
import { Ui } from '../lib/ui.ts';

export interface BudgetOptions {
  json?: boolean;
}

interface Row {
  namespace: string;
  requests: Amount;
  limits: Amount;
}

function rows(list: readonly Consumer[]): Row[] {
  const byNs = new Map<string, Row>();
  for (const c of list) {
    const row = byNs.get(c.namespace) ?? { namespace: c.namespace, requests: ZERO, limits: ZERO };
    byNs.set(c.namespace, {
      ...row,
      requests: add(row.requests, total(c, 'requests')),
      limits: add(row.limits, total(c, 'limits')),
    });
  }
  return [...byNs.values()].sort((a, b) => byCodePoint(a.namespace, b.namespace));
}

/**
 * The single-node budget: what everything rendered requests (and may use, its limits), per namespace,
 * against the allocatable capacity of the cluster's nodes. Steady requests above capacity leave pods
 * Pending: exit 1. The largest transient need (a migrations Job, a canary's extra pods) is reported as the
 * headroom a deploy needs.
 */
export async function budget(options: BudgetOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const cluster = await loadCluster(repo.root);
  const capacity = clusterCapacity(cluster);
  const treeDir = requireTree(repo);
  const all = consumers(loadTree(treeDir), diskReader(treeDir));
  const steady = all.filter((c) => c.lifetime === 'steady');
  const transient = all.filter((c) => c.lifetime === 'transient');
  const table = rows(steady);
  const requested = table.reduce((a, r) => add(a, r.requests), ZERO);
  const limited = table.reduce((a, r) => add(a, r.limits), ZERO);
  const peak = transient.reduce((a, c) => max(a, total(c, 'requests')), ZERO);
  const over = requested.cpu > capacity.cpu || requested.memory > capacity.memory;
  const tight =
    !over && (requested.cpu + peak.cpu > capacity.cpu || requested.memory + peak.memory > capacity.memory);
  const unbounded = all.flatMap((c) => c.unbounded);

  if (ui.json) {
    ui.printJson({
      ok: !over,
      cluster: cluster.name,
      capacity,
      requests: requested,
      limits: limited,
      deployHeadroomNeeded: peak,
      namespaces: table,
      consumers: all,
      unbounded,
    });
    return over ? EXIT.problems : EXIT.ok;
  }

  ui.out(
    `${ui.paint('bold', cluster.name)}: ${cluster.nodes.length} node(s), ${formatCpu(capacity.cpu)} CPU, ${formatMemory(capacity.memory)} allocatable`,
  );
  // A zero limit means none is declared: the pod may use what the node has.
  const limit = (value: number, format: (n: number) => string) => (value === 0 ? '—' : format(value));
  const line = (cells: string[]) =>
    `${cells[0]!.padEnd(18)}${cells
      .slice(1)
      .map((c) => c.padStart(11))
      .join('')}`;
  ui.out(ui.paint('dim', line(['namespace', 'cpu req', 'cpu limit', 'mem req', 'mem limit'])));
  for (const r of table)
    ui.out(
      line([
        r.namespace,
        formatCpu(r.requests.cpu),
        limit(r.limits.cpu, formatCpu),
        formatMemory(r.requests.memory),
        limit(r.limits.memory, formatMemory),
      ]),
    );
  ui.out(
    ui.paint(
      'bold',
      line([
        'total',
        formatCpu(requested.cpu),
        formatCpu(limited.cpu),
        formatMemory(requested.memory),
        formatMemory(limited.memory),
      ]),
    ),
  );
  ui.out(line(['capacity', formatCpu(capacity.cpu), '', formatMemory(capacity.memory), '']));
  ui.out(
    line([
      'requested',
      percent(requested.cpu, capacity.cpu),
      '',
      percent(requested.memory, capacity.memory),
      '',
    ]),
  );
  ui.out();
  ui.out(
    `a deploy needs up to ${formatCpu(peak.cpu)} CPU / ${formatMemory(peak.memory)} more while it runs (migrations Job or canary pods)`,
  );
  ui.out(
    ui.paint(
      'dim',
      "not counted: k3s's own pods (CoreDNS, metrics-server, local-path) and chart defaults the values do not set",
    ),
  );
  for (const u of unbounded)
    ui.mark('warn', `${u} requests no CPU or memory: the scheduler counts it as zero`);
  if (over)
    ui.mark(
      'fail',
      'requests exceed the capacity: pods will stay Pending; lower requests or add a node in cluster/cluster.ts',
    );
  else if (tight)
    ui.mark('warn', 'no headroom for a deploy: its extra pods would stay Pending until old ones stop');
  else
    ui.mark(
      'ok',
      `requests fit: ${formatCpu(capacity.cpu - requested.cpu)} CPU and ${formatMemory(capacity.memory - requested.memory)} free`,
    );
  return over ? EXIT.problems : EXIT.ok;
}
