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

/** Files in `apps/` are written side by side by different workspaces, each owning its own file. */
export function isSharedAppFile(path: string): boolean {
  return /^apps\/[^/]+\.yaml$/.test(path);
}
