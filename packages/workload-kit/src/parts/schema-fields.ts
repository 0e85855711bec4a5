import { parseQuantity, quantity, withHint } from '@ultron/platform/core';
import * as z from 'zod';

/** A zod error option carrying a message and the hint printed under it. */
export const hinted = (message: string, hint: string) => ({ error: withHint(message, hint) });

/** Requests and limits of a container (the app's, its database's). */
export const resources = z.strictObject({
  requests: z.strictObject({ cpu: quantity, memory: quantity }),
  limits: z.strictObject({ cpu: quantity.optional(), memory: quantity }),
});

/** Reports one problem of a cross-field check at `path`, with a hint. */
export type Issue = (path: PropertyKey[], message: string, hint: string) => void;

/**
 * One cross-field check. It may throw when one of its inputs failed its own validation (and is reported
 * already): the definition schema runs each check on its own and ignores that.
 */
export type Check = () => void;

/** Requests within limits. Values that did not parse are NaN and compare false. */
export function checkResources(issue: Issue, path: PropertyKey[], r: z.infer<typeof resources>): void {
  if (parseQuantity(r.requests.memory) > parseQuantity(r.limits.memory)) {
    issue(
      [...path, 'requests', 'memory'],
      `request ${r.requests.memory} is above the limit ${r.limits.memory}`,
      'raise the limit or lower the request',
    );
  }
  if (parseQuantity(r.requests.cpu) > parseQuantity(r.limits.cpu)) {
    issue(
      [...path, 'requests', 'cpu'],
      `request ${r.requests.cpu} is above the limit ${r.limits.cpu}`,
      'raise the limit or lower the request',
    );
  }
}
