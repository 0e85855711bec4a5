// `pnpm turbo build` runs this first: a bad cluster definition fails once, here, with every problem.
import { formatProblems, isUserError } from '@ultron/platform/core';

try {
  const { default: cluster } = await import('./cluster.ts');
  console.log(`cluster ${cluster.name}: ${cluster.nodes.length} node(s), definition valid`);
} catch (error) {
  if (!isUserError(error)) throw error;
  console.error(`cluster: ${error.message.split('\n')[0]}\n${formatProblems(error.problems)}`);
  process.exitCode = 1;
}
