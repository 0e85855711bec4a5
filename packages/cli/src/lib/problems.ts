import { formatProblems, type Problem } from '@ultron/platform';
import type { Ui } from './ui.ts';

/** Prints the definitions that failed to render, every problem with its path and hint. */
export function printRenderFailures(
  ui: Ui,
  failures: readonly { source: string; problems: readonly Problem[] }[],
) {
  for (const f of failures) {
    ui.mark('fail', `${f.source}: the definition has problems`);
    ui.out(formatProblems(f.problems));
  }
}
