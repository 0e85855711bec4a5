import type { Cluster } from '../cluster/schema.js';
import type { Component, HelmRelease, OperatorService } from './component.js';
import { COMPONENTS } from './registry.js';

/**
 * API group → the Application installing its CRDs. Only Argo CD components: the groups the bootstrap and
 * k3s install (Argo, cert-manager, the Prometheus operator, Traefik) exist before the root app does.
 */
export function crdProviders(registry: readonly Component[] = COMPONENTS): Record<string, string> {
  return Object.fromEntries(
    registry.flatMap((c) => (c.install === 'argocd' ? c.crdGroups.map((g) => [g, c.name]) : [])),
  );
}

/** The Services operators create at run time for custom resources, by the resource's group and kind. */
export function operatorServiceSpecs(registry: readonly Component[] = COMPONENTS): OperatorService[] {
  return registry.flatMap((c) => c.services);
}

/** The one-time Helm layer, in install order (each release's `why` says why it sits where it does). */
export function helmReleases(cluster: Cluster, registry: readonly Component[] = COMPONENTS): HelmRelease[] {
  return registry.flatMap((c) => (c.install === 'helm-bootstrap' ? [c.release(cluster)] : []));
}

/** The repositories the platform AppProject may pull from: the gitops repository and the Argo CD components' own. */
export function platformSourceRepos(cluster: Cluster, registry: readonly Component[] = COMPONENTS): string[] {
  const own = registry.flatMap((c) => (c.install === 'argocd' ? c.repositories : []));
  return [...new Set([cluster.gitops.repoURL, ...own])].sort();
}

/** The namespaces the platform AppProject may deploy into: the Argo CD components' own and what they also write to. */
export function platformDestinations(
  cluster: Cluster,
  registry: readonly Component[] = COMPONENTS,
): string[] {
  const namespaces = registry.flatMap((c) =>
    c.install === 'argocd' ? [c.namespace, ...(c.alsoWritesTo?.(cluster) ?? [])] : [],
  );
  return [...new Set(namespaces)].sort();
}
