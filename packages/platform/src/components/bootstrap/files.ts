import type { ClusterNode } from '../../cluster/schema.js';
import { FOLDERS, ROOT_APP_FILE, TREE_DIR } from '../../conventions/layout.js';
import type { HelmRelease } from '../component.js';

/** Every file of the rendered `bootstrap/` folder, relative to the tree's root. */
export const BOOTSTRAP_FILES = {
  plan: `${FOLDERS.bootstrap}/plan.yaml`,
  runbook: `${FOLDERS.bootstrap}/README.md`,
  rootApp: ROOT_APP_FILE,
  /** The root app's own AppProject, applied with it (the root app cannot sync the project that holds it). */
  rootProject: `${FOLDERS.bootstrap}/root-project.yaml`,
  clusterIssuers: `${FOLDERS.bootstrap}/cluster-issuers.yaml`,
  /** The namespaces the Helm releases go into, with Pod Security labels and NetworkPolicies. */
  namespaces: `${FOLDERS.bootstrap}/namespaces.yaml`,
  traefikConfig: `${FOLDERS.bootstrap}/k3s/traefik-config.yaml`,
  k3sConfig: (node: ClusterNode) => `${FOLDERS.bootstrap}/k3s/${node.name}.config.yaml`,
  /** `bootstrap/helm/01-cert-manager.values.yaml`: numbered in install order. */
  helmValues: (index: number, release: HelmRelease) =>
    `${FOLDERS.bootstrap}/helm/${String(index + 1).padStart(2, '0')}-${release.release}.values.yaml`,
} as const;

/** A tree file as commands see it from the repository root (where the bootstrap runs). */
export function fromRepoRoot(treePath: string): string {
  return `${TREE_DIR}/${treePath}`;
}
