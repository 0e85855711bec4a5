import { type Cluster, clusterCapacity, type TreeCheck } from '@ultron/platform';
import { consumers, total } from './consumers.ts';
import { add, formatCpu, formatMemory, ZERO } from './quantities.ts';

/**
 * The single-node budget as a check of the assembled tree: steady requests (pods, operator instances,
 * Helm values, the bootstrap's releases) above the nodes' allocatable capacity leave pods Pending, so the
 * build refuses them. The largest consumers are named so the fix is obvious.
 */
export function budgetCheck(cluster: Cluster): TreeCheck {
  return {
    id: 'node-budget',
    check(tree) {
      const capacity = clusterCapacity(cluster);
      const steady = consumers(tree.entries, (path) => tree.files.get(path)).filter(
        (c) => c.lifetime === 'steady',
      );
      const requested = steady.reduce((a, c) => add(a, total(c, 'requests')), ZERO);
      const over: string[] = [];
      if (requested.cpu > capacity.cpu)
        over.push(
          `CPU requests ${formatCpu(requested.cpu)} exceed the ${formatCpu(capacity.cpu)} allocatable`,
        );
      if (requested.memory > capacity.memory)
        over.push(
          `memory requests ${formatMemory(requested.memory)} exceed the ${formatMemory(capacity.memory)} allocatable`,
        );
      if (over.length === 0) return [];
      const largest = [...steady]
        .sort(
          (a, b) =>
            total(b, 'requests').cpu - total(a, 'requests').cpu ||
            total(b, 'requests').memory - total(a, 'requests').memory,
        )
        .slice(0, 3)
        .map(
          (c) =>
            `${c.what} (${formatCpu(total(c, 'requests').cpu)} CPU, ${formatMemory(total(c, 'requests').memory)})`,
        );
      return over.map((message) => ({
        path: `cluster ${cluster.name}`,
        message: `${message}: pods would stay Pending`,
        hint: `largest: ${largest.join('; ')}. Lower requests or add a node in cluster/cluster.ts (\`pnpm ultron budget\` lists all)`,
      }));
    },
  };
}
