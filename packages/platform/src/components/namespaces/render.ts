import type { Namespace } from 'kubernetes-models/v1/Namespace';
import { application, treeSource, WAVES } from '../../argocd/application.js';
import type { Cluster } from '../../cluster/schema.js';
import { appFile, platformDir } from '../../conventions/layout.js';
import { commonLabels, PLATFORM_NAMESPACES, PLATFORM_PROJECT } from '../../conventions/names.js';
import {
  allowAcmeHttp01,
  allowDns,
  defaultDeny,
  networkPolicy,
  podSecurityNamespace,
} from '../../network/index.js';
import type { Manifest } from '../../render/manifest.js';
import type { Component } from '../component.js';
import { COMPONENTS } from '../registry.js';
import type { NamespacePolicy } from './policy.js';

/** The Argo CD Application syncing the GitOps-owned platform namespaces (`platform/namespaces/`). */
export const PLATFORM_NAMESPACES_APP = 'platform-namespaces';
export const PLATFORM_NAMESPACES_DIR = platformDir('namespaces');
export const PLATFORM_NAMESPACES_APP_FILE = appFile(PLATFORM_NAMESPACES_APP);

/**
 * `bootstrap`: applied by ultron-bootstrap before the Helm releases (the namespaces of what the bootstrap
 * installs); `gitops`: synced by Argo CD, a wave before the operators it holds.
 */
export type NamespaceOwner = 'bootstrap' | 'gitops';

interface PlatformNamespace extends NamespacePolicy {
  name: string;
  owner: NamespaceOwner;
}

/** The namespaces components lead, by name, with who applies them. */
function platformNamespaces(registry: readonly Component[]): PlatformNamespace[] {
  return registry
    .flatMap((c): PlatformNamespace[] => {
      if (!c.namespacePolicy) return [];
      const owner = c.install === 'argocd' ? 'gitops' : 'bootstrap';
      return [{ ...c.namespacePolicy, name: c.namespace, owner }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One platform namespace: the Namespace with its Pod Security labels, default-deny, DNS and its allows. */
function namespaceObjects(cluster: Cluster, ns: PlatformNamespace): Manifest[] {
  const labels = commonLabels(ns.name, 'network-policy');
  const namespace: Namespace = podSecurityNamespace(ns.name, commonLabels(ns.name, 'namespace'), ns.security);
  return [
    namespace,
    defaultDeny(ns.name, labels),
    allowDns(ns.name, labels),
    ...ns.allows(cluster).map((a) => networkPolicy({ ...a, namespace: ns.name, labels })),
    ...(ns.acme ? [allowAcmeHttp01(ns.name, labels)] : []),
    ...(ns.extra?.(cluster) ?? []),
  ];
}

export function platformNamespaceObjects(
  cluster: Cluster,
  owner: NamespaceOwner,
  registry: readonly Component[] = COMPONENTS,
): Manifest[] {
  return platformNamespaces(registry)
    .filter((ns) => ns.owner === owner)
    .flatMap((ns) => namespaceObjects(cluster, ns));
}

/** The GitOps-owned namespaces, one file each (`platform/namespaces/<namespace>.yaml`): names repeat across namespaces. */
export function platformNamespaceFiles(
  cluster: Cluster,
  registry: readonly Component[] = COMPONENTS,
): [string, Manifest[]][] {
  return platformNamespaces(registry)
    .filter((ns) => ns.owner === 'gitops')
    .map((ns) => [`${PLATFORM_NAMESPACES_DIR}/${ns.name}.yaml`, namespaceObjects(cluster, ns)]);
}

/** Synced before the operators: their namespaces exist with Pod Security labels and default-deny first. */
export function platformNamespacesApplication(cluster: Cluster) {
  return application({
    name: PLATFORM_NAMESPACES_APP,
    project: PLATFORM_PROJECT,
    namespace: PLATFORM_NAMESPACES.keycloak,
    wave: WAVES.namespaces,
    sources: [treeSource(cluster, PLATFORM_NAMESPACES_DIR)],
    labels: commonLabels('platform', 'namespaces'),
  });
}
