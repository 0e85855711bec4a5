import { dnsLabel, RESERVED_REALMS, withHint } from '@ultron/platform/core';
import * as z from 'zod';
import { hinted } from '../../parts/schema-fields.js';

export const auth = z.strictObject({
  /** Keycloak realm; defaults to the app name. */
  realm: dnsLabel()
    .refine((realm) => !RESERVED_REALMS.has(realm), {
      error: withHint('is reserved', `"master" is Keycloak’s administration realm; use the app's own realm`),
    })
    .optional(),
  spa: z.strictObject({
    redirectUris: z
      .array(
        z
          .string()
          .regex(
            /^https:\/\/[^\s*]+$/,
            hinted('must be an exact https:// URI', 'no wildcards: e.g. "https://penvoice.app/callback"'),
          ),
      )
      .min(1),
    webOrigins: z
      .array(
        z
          .string()
          .regex(
            /^https:\/\/[^\s/*]+$/,
            hinted('must be an https:// origin', 'scheme and host only: "https://penvoice.app"'),
          ),
      )
      .min(1),
  }),
  /** Realm roles the app defines; the realm sync creates them and deletes the ones removed from here. */
  roles: z.array(dnsLabel()).default([]),
});
