import * as z from 'zod';
import { hinted } from '../../parts/schema-fields.js';

/**
 * One extra egress destination, beyond the defaults (DNS, HTTPS to the public internet, the app's database
 * and Keycloak). Explicit CIDR and ports, with the reason rendered on the NetworkPolicy.
 */
export const egressRule = z.strictObject({
  /** An IPv4 CIDR, e.g. "203.0.113.10/32"; private, Tailscale and link-local ranges only when listed here. */
  cidr: z
    .string()
    .regex(
      /^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}\/([0-9]|[12][0-9]|3[0-2])$/,
      hinted('must be an IPv4 CIDR', 'e.g. "203.0.113.10/32"'),
    ),
  /** Destination ports (any, e.g. 443 or 5432: these are the far side's, not the pod's). */
  ports: z.array(z.number().int().min(1).max(65535)).min(1),
  /** One line: why the app needs it (rendered on the policy, printed by `ultron audit`). */
  reason: z.string().min(3),
});
