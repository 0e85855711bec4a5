/**
 * Argo Rollouts decides a measurement from its success and failure conditions (expr-lang), as in
 * utils/evaluate/evaluate.go at v1.9.0: failure wins, neither is Inconclusive (the Rollout pauses),
 * and without a failure condition a false success condition is a failure. The kit's conditions use
 * only `result`, `len(...)`, `[0]`, numbers, comparisons, `&&` and `||`, which mean the same in
 * expr-lang and JavaScript; anything else is refused here rather than guessed.
 */
export type Phase = 'Successful' | 'Failed' | 'Inconclusive';

function condition(expr: string, result: number[]): boolean {
  const identifiers = new Set(expr.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  const unknown = [...identifiers].filter((i) => i !== 'result' && i !== 'len');
  if (unknown.length > 0 || !/^[\s\w.()[\]<>=!&|]+$/.test(expr) || /[^=!<>]=[^=]/.test(expr)) {
    throw new Error(`condition outside the expr-lang subset the tests can evaluate: ${expr}`);
  }
  const value = new Function('result', 'len', `return (${expr});`)(result, (a: unknown[]) => a.length);
  if (typeof value !== 'boolean') throw new Error(`condition is not boolean: ${expr}`);
  return value;
}

export function measurementPhase(
  metric: { successCondition?: string; failureCondition?: string },
  result: number[],
): Phase {
  const { successCondition: s, failureCondition: f } = metric;
  if (!s && !f) return 'Successful';
  let success = s ? condition(s, result) : false;
  let failure = f ? condition(f, result) : false;
  if (s && !f) failure = !success;
  if (!s && f) success = !failure;
  if (failure) return 'Failed';
  return success ? 'Successful' : 'Inconclusive';
}
