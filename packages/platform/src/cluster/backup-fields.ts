import * as z from 'zod';
import { withHint } from '../errors/zod.js';

/**
 * Field types of CNPG backups, for the cluster definition and any other definition that schedules one.
 */

/** CNPG's ScheduledBackup cron has six fields, seconds first; five fields are accepted but run at the wrong times. */
export const cnpgSchedule = z
  .string()
  .refine((s) => s.trim().split(/\s+/).length === 6, {
    error: withHint('must have six fields (seconds first)', 'e.g. "0 0 3 * * *" for 03:00 every night'),
  })
  .refine(
    (s) =>
      s
        .trim()
        .split(/\s+/)
        .every((f) => /^[0-9*,/?LW#-]+$|^[A-Z]{3}$/.test(f)),
    {
      error: withHint('has an invalid field', 'use numbers, "*", ranges "1-5", lists "1,3" and steps "*/15"'),
    },
  );

/** Barman's retention policy: how long base backups and WAL are kept. */
export const backupRetention = z.string().regex(/^[1-9][0-9]*[dwm]$/, {
  error: withHint('must be a retention like "30d"', 'a number followed by d, w or m'),
});
