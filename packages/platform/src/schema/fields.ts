import * as z from 'zod';

/**
 * Field types shared by the cluster and workload definitions. Each carries a hint so a user sees how to
 * fix a value, not only that it is wrong.
 */

import { withHint } from '../errors/zod.js';

const hinted = (message: string, hint: string) => ({ error: withHint(message, hint) });

/** RFC 1123 label: what a namespace, Service or app name must be. */
export const dnsLabel = (max = 63) =>
  z
    .string()
    .max(max, hinted(`must be at most ${max} characters`, 'shorten the name'))
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      hinted(
        'must be lowercase letters, digits and dashes, starting and ending with a letter or digit',
        'e.g. "penvoice" or "my-app"',
      ),
    );

/**
 * RFC 1035 label: what Kubernetes requires of a Service name (and so of an app name, which names the
 * app's Services): like a DNS-1123 label, but starting with a letter.
 */
export const dns1035Label = (max = 63) =>
  dnsLabel(max).regex(
    /^[a-z]/,
    hinted('must start with a letter', 'Service names are DNS-1035 labels; e.g. "app2" rather than "2app"'),
  );

/** A fully qualified DNS name such as `example.com` (no scheme, no trailing dot). */
export const dnsName = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/,
    hinted(
      'must be a lowercase DNS name with at least one dot',
      'e.g. "example.com", without https:// or a path',
    ),
  );

export const email = z
  .string()
  .regex(
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    hinted('must be an e-mail address', 'Let’s Encrypt sends expiry notices here'),
  );

/** Kubernetes resource quantity: `500m`, `2`, `256Mi`, `5Gi`. */
export const quantity = z
  .string()
  .regex(
    /^([0-9]+(\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/,
    hinted(
      'must be a Kubernetes quantity',
      'e.g. "100m" or "2" for CPU, "256Mi" or "5Gi" for memory and storage',
    ),
  );

/** Go-style duration used by Argo Rollouts and CNPG: `30s`, `5m`, `1h`. */
export const duration = z
  .string()
  .regex(
    /^[0-9]+(s|m|h)$/,
    hinted('must be a duration like "30s", "5m" or "1h"', 'a number followed by s, m or h'),
  );

export const httpsUrl = z
  .string()
  .regex(
    /^https:\/\/[^\s/]+(\/[^\s]*)?$/,
    hinted('must be an https:// URL', 'e.g. "https://github.com/owner/gitops.git"'),
  );

/** Multipliers of the suffixes above; `m` is milli. */
const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/**
 * The value of a quantity in base units (cores or bytes); NaN when it is not a quantity, so cross-field
 * rules can run after a field check already failed without crashing (every comparison with NaN is false).
 */
export function parseQuantity(value: string | undefined): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(value ?? '');
  return m ? Number(m[1]) * SUFFIX[m[2] ?? '']! : Number.NaN;
}

/** Seconds of a duration like `60s`, `5m`, `1h`; NaN when it is not one. */
export function parseDuration(value: string | undefined): number {
  const m = /^([0-9]+)(s|m|h)$/.exec(value ?? '');
  return m ? Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'] : Number.NaN;
}
