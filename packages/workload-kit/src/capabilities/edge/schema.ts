import { dnsName } from '@ultron/platform/core';
import * as z from 'zod';
import type { Check, Issue } from '../../parts/schema-fields.js';

/** Hosts routed to the API; each must be the domain or under it. Default: `api.<domain>`. */
export const hosts = z.array(dnsName).min(1).optional();

/** Every host under the app's domain. */
export function edgeChecks(w: { domain: string; hosts?: string[] | undefined }, issue: Issue): Check[] {
  return [
    () =>
      (w.hosts ?? []).forEach((host, i) => {
        if (host !== w.domain && !host.endsWith(`.${w.domain}`)) {
          issue(
            ['hosts', i],
            `"${host}" is outside the app domain "${w.domain}"`,
            `use "api.${w.domain}" or another name under it`,
          );
        }
      }),
  ];
}
