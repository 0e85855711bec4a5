/**
 * One user mistake: where it is, what is wrong, how to fix it.
 * Every check in the kit reports Problems instead of throwing, so a build lists all of them at once.
 */
export interface Problem {
  /** Dotted path into the user's definition or the rendered object, e.g. `workload.canary.steps[1]`. */
  path: string;
  message: string;
  hint?: string;
}

/** Thrown when a definition or a rendered tree has problems; carries every one of them. */
export class UserError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], title = 'the definition has problems') {
    super(`${title}:\n${formatProblems(problems)}`);
    this.name = 'UserError';
    this.problems = problems;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError' && Array.isArray((error as UserError).problems);
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) => `  ✗ ${p.path || '(root)'}: ${p.message}${p.hint ? `\n      → ${p.hint}` : ''}`)
    .join('\n');
}

/** Prefix every problem's path, e.g. to place a sub-check's problems under `workload.database`. */
export function underPath(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix }));
}

/** Throws a UserError when any problems were collected. */
export function throwIfProblems(problems: readonly Problem[], title?: string): void {
  if (problems.length > 0) throw new UserError(problems, title);
}
