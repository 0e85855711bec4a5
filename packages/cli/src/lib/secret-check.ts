import type { SecretNeed } from '@ultron/platform/core';
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

/** Compares one needed secret with the live cluster, read-only, with `kubectl get secret`. */
export async function checkLive(need: SecretNeed, options: KubectlOptions): Promise<LiveResult> {
  const base = { namespace: need.namespace, name: need.name };
  const out = await kubectl(
    ['get', 'secret', need.name, '-n', need.namespace, '-o', 'json', '--ignore-not-found'],
    options,
  );
  if (!out.trim()) return { ...base, status: 'missing' };
  const live = JSON.parse(out) as LiveSecret;
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
