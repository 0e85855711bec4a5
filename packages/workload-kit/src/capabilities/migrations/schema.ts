import { z } from 'zod';

export const migrations = z.strictObject({
  /** The migrate CLI bundled in the app image. */
  command: z.array(z.string().min(1)).min(1).default(['migrate', 'up']),
  /** Attempts before the sync fails. */
  backoffLimit: z.number().int().min(0).max(10).default(2),
});
