/**
 * Every name the platform itself takes, in one place. An app named like one of them would shadow a
 * platform Application in `apps/`, share a project or namespace with the platform, or take a Helm
 * release's namespace; the workload definition refuses them (with this list as the hint) and the
 * assemble step refuses any slice that renders an Application, AppProject or Namespace another slice
 * (or this list) already holds. A new platform component is reserved by its entry in PLATFORM_COMPONENTS.
 */
// A light module (names, namespaces, waves): importing it keeps app workspaces' start-up small.
import { PLATFORM_COMPONENTS } from '../components/platform-components.js';
import {
  IDENTITY_PROJECT,
  KEYCLOAK_INSTANCE,
  PLATFORM_PROJECT,
  RESERVED_NAMESPACES,
  ROOT_APP,
} from './names.js';

/** The `apps/<name>.yaml` files and `platform/<name>/` folders of the platform's Argo CD components. */
const PLATFORM_COMPONENT_NAMES: readonly string[] = Object.values(PLATFORM_COMPONENTS).map((c) => c.name);

/** Helm releases the bootstrap installs (release names double as folder and app names in runbooks). */
export const PLATFORM_RELEASE_NAMES = [
  'argocd',
  'argo-rollouts',
  'argo-workflows',
  'argo-events',
  'cert-manager',
  'kube-prometheus-stack',
  'traefik',
] as const;

/** The bootstrap's own file in `apps/` (the platform and identity AppProjects). */
export const PLATFORM_PROJECT_FILE = 'platform-project';

/** Name → why it is taken, for messages. */
export const RESERVED_NAMES: ReadonlyMap<string, string> = new Map<string, string>([
  [ROOT_APP, 'the root Application (app of apps)'],
  [PLATFORM_PROJECT, 'the platform AppProject'],
  [IDENTITY_PROJECT, 'the identity AppProject'],
  [PLATFORM_PROJECT_FILE, 'the bootstrap’s apps/platform-project.yaml'],
  [KEYCLOAK_INSTANCE, 'the Keycloak instance'],
  ...PLATFORM_COMPONENT_NAMES.map((n): [string, string] => [n, `the platform component ${n}`]),
  ...PLATFORM_RELEASE_NAMES.map((n): [string, string] => [n, `the Helm release ${n}`]),
  ...RESERVED_NAMESPACES.map((n): [string, string] => [n, `the namespace ${n}`]),
]);

/** Keycloak realms an app may not take: `master` is Keycloak's administration realm. */
export const RESERVED_REALMS: ReadonlyMap<string, string> = new Map([
  ['master', 'Keycloak’s administration realm'],
]);

/** Why `name` is taken by the platform, or undefined when it is free. */
export function reservedBecause(name: string): string | undefined {
  return RESERVED_NAMES.get(name);
}
