import type { SecretNeed } from '@ultron/platform/core';
import { environmentError } from './exit.ts';
import { type KubectlOptions, kubectl } from './kubectl.ts';

export type LiveStatus = 'ok' | 'missing' | 'incomplete' | 'suspicious';

export interface LiveResult {
  namespace: string;
  name: string;
  status: LiveStatus;
  /** What is wrong, never a value. */
  detail?: string;
}

interface LiveSecret {
  type?: string;
  data?: Record<string, string>;
  metadata?: { labels?: Record<string, string> };
}

const decode = (b64: string | undefined) =>
  b64 === undefined ? undefined : Buffer.from(b64, 'base64').toString('utf8');

/**
 * The Oracle trap, checked without showing anything: an access key is plain hex, a secret key is not. Only
 * the shape of the values is looked at, and only a verdict leaves this function.
 */
function swappedCredentials(need: SecretNeed, data: Record<string, string>): string | null {
  for (const [key, role] of Object.entries(need.roles)) {
    const value = decode(data[key]);
    if (value === undefined) continue;
    const hex = /^[0-9a-f]+$/i.test(value.trim());
    if (role === 'accessKeyId' && !hex) return `${key} is not plain hex: access and secret key look swapped`;
    if (role === 'secretAccessKey' && hex) return `${key} is plain hex: access and secret key look swapped`;
  }
  return null;
}

/**
 * kubectl's JSON, read without ever repeating it: a parse error message quotes the text it failed on,
 * which here would be the Secret's data, so it is replaced by one that says what, not what was read.
 */
function parseLive(out: string, need: SecretNeed): LiveSecret {
  let live: unknown;
  try {
    live = JSON.parse(out);
  } catch {
    throw environmentError(
      `kubectl get secret ${need.namespace}/${need.name} did not print JSON (its output is not shown: it may hold values)`,
      'check kubectl and its plugins or aliases: `-o json` must print the Secret as JSON',
    );
  }
  const data = (live as LiveSecret | null)?.data;
  if (
    !live ||
    typeof live !== 'object' ||
    (data !== undefined && (typeof data !== 'object' || data === null))
  )
    throw environmentError(
      `kubectl get secret ${need.namespace}/${need.name} printed something that is not a Secret (not shown)`,
      'check kubectl and its plugins or aliases: `-o json` must print the Secret as JSON',
    );
  const strings = Object.fromEntries(
    Object.entries(data ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
  );
  return { ...(live as LiveSecret), data: strings };
}

/** Compares one needed secret with the live cluster, read-only, with `kubectl get secret`. */
export async function checkLive(need: SecretNeed, options: KubectlOptions): Promise<LiveResult> {
  const base = { namespace: need.namespace, name: need.name };
  const out = await kubectl(
    ['get', 'secret', need.name, '-n', need.namespace, '-o', 'json', '--ignore-not-found'],
    options,
  );
  if (!out.trim()) return { ...base, status: 'missing' };
  const live = parseLive(out, need);
  const data = live.data ?? {};
  const absent = need.keys.filter((k) => !(k in data) || data[k] === '');
  if (absent.length) return { ...base, status: 'incomplete', detail: `no value for ${absent.join(', ')}` };
  if (need.type === 'docker-registry' && live.type !== 'kubernetes.io/dockerconfigjson')
    return {
      ...base,
      status: 'incomplete',
      detail: `type is ${live.type ?? 'Opaque'}, pulls need kubernetes.io/dockerconfigjson`,
    };
  const unlabelled = Object.entries(need.labels).filter(([k, v]) => live.metadata?.labels?.[k] !== v);
  if (unlabelled.length)
    return {
      ...base,
      status: 'incomplete',
      detail: `missing label ${unlabelled.map(([k, v]) => `${k}=${v}`).join(', ')}`,
    };
  const swapped = swappedCredentials(need, data);
  if (swapped) return { ...base, status: 'suspicious', detail: swapped };
  return { ...base, status: 'ok' };
}
