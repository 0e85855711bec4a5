import type { PlainManifest } from '../render/manifest.js';
import { arr, field, obj, str } from './json.js';

/** Hosts in a Traefik rule such as ``Host(`a`) || Host(`b`)``. */
export function matchHosts(match: string): string[] {
  return [...match.matchAll(/Host\(`([^`]+)`\)/g)].map((m) => m[1]!);
}

/** The host of a URL (`https://auth.example.com` → `auth.example.com`), or a bare hostname as it is. */
export function hostOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return value.includes('://') ? new URL(value).hostname : value;
  } catch {
    return undefined;
  }
}

/** Hosts an Ingress (its rules) or a Traefik IngressRoute (its `Host(…)` matchers) routes, in order. */
export function routedHosts(m: PlainManifest): string[] {
  if (m.kind === 'Ingress') return arr(field(m, 'spec', 'rules')).flatMap((r) => str(obj(r)?.host) ?? []);
  if (m.kind === 'IngressRoute')
    return arr(field(m, 'spec', 'routes')).flatMap((r) => matchHosts(str(obj(r)?.match) ?? ''));
  return [];
}

/** A TLS secret a route serves, with the hosts it must cover. */
export interface ServedTls {
  secret: string | undefined;
  hosts: string[];
}

/** The TLS secrets an Ingress or IngressRoute serves: each must be issued for the hosts routed with it. */
export function servedTls(m: PlainManifest): ServedTls[] {
  if (m.kind === 'Ingress')
    return arr(field(m, 'spec', 'tls')).map((t) => ({
      secret: obj(t)?.secretName as string | undefined,
      hosts: [...(arr(obj(t)?.hosts) as string[]), ...routedHosts(m)],
    }));
  if (m.kind === 'IngressRoute') {
    const secret = str(field(m, 'spec', 'tls', 'secretName'));
    return secret ? [{ secret, hosts: routedHosts(m) }] : [];
  }
  return [];
}

/**
 * Every host an object claims: the hosts it routes, serves TLS for or has a certificate issued for, and
 * Keycloak's public hostname.
 */
export function claimedHosts(m: PlainManifest): string[] {
  const hosts: unknown[] = [...routedHosts(m)];
  if (m.kind === 'Ingress') for (const t of arr(field(m, 'spec', 'tls'))) hosts.push(...arr(obj(t)?.hosts));
  if (m.kind === 'Certificate') hosts.push(...arr(field(m, 'spec', 'dnsNames')));
  if (m.kind === 'Keycloak') hosts.push(field(m, 'spec', 'hostname', 'hostname'));
  return hosts.flatMap((h) => hostOf(h) ?? []);
}
