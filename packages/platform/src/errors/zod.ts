import type { z } from 'zod';
import type { Problem } from './problem.js';

/** `['canary', 'steps', 1, 'weight']` → `canary.steps[1].weight` */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Zod carries one message per issue; the hint rides along after this separator and is split off again. */
const HINT = '\u001f';

/** A zod error message that also says how to fix the value. */
export function withHint(message: string, hint: string): string {
  return `${message}${HINT}${hint}`;
}

/** Turns a zod error into Problems: the message is the "what", the hint (if any) the "how to fix". */
export function problemsFromZod(root: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const [message, hint] = issue.message.split(HINT);
    return { path: formatPath(root, issue.path), message: message!, ...(hint ? { hint } : {}) };
  });
}
