/**
 * The rendered tree's layout. Argo CD reads only this folder; nothing else in the repo spells these names.
 */
export const TREE_DIR = 'gitops';

export const FOLDERS = {
  /** Root Application, Helm bootstrap plan and values, ClusterIssuers, k3s settings, runbook. */
  bootstrap: 'bootstrap',
  /** One file per component and app: the Application(s) the root app syncs. */
  apps: 'apps',
  /** What each platform component's Application syncs. */
  platform: 'platform',
  /** What each app's Application syncs. */
  workloads: 'workloads',
} as const;

export const ROOT_APP_FILE = `${FOLDERS.bootstrap}/root-app.yaml`;

/** `apps/<name>.yaml` */
export function appFile(name: string): string {
  return `${FOLDERS.apps}/${name}.yaml`;
}

export function platformDir(component: string): string {
  return `${FOLDERS.platform}/${component}`;
}

export function workloadDir(app: string): string {
  return `${FOLDERS.workloads}/${app}`;
}

/**
 * Where each workspace stages its rendered slice (in its own folder; Turborepo caches it as the build's
 * output). The assemble step reads every workspace's staged slice; nothing but it writes the tree.
 */
export const STAGE_DIR = '.ultron';
export const STAGE_FILE = `${STAGE_DIR}/slice.json`;

/** Beside the tree while the assemble step swaps it: the complete new tree, and the previous one. */
export const NEXT_TREE_SUFFIX = '.ultron-next';
export const PREVIOUS_TREE_SUFFIX = '.ultron-prev';
