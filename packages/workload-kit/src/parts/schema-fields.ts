import { quantity, withHint } from '@ultron/platform/core';
import { z } from 'zod';

/** A zod error option carrying a message and the hint printed under it. */
export const hinted = (message: string, hint: string) => ({ error: withHint(message, hint) });

/** Requests and limits of a container (the app's, its database's). */
export const resources = z.strictObject({
  requests: z.strictObject({ cpu: quantity, memory: quantity }),
  limits: z.strictObject({ cpu: quantity.optional(), memory: quantity }),
});
