/**
 * Every name the platform itself takes, in one place. An app named like one of them would shadow a
 * platform Application in `apps/`, share a project or namespace with the platform, or take a Helm
 * release's namespace; the workload definition refuses them (with this list as the hint) and the
 * assemble step refuses any slice that renders an Application, AppProject or Namespace another slice
 * (or this list) already holds. A new platform component is reserved by its line in components/registry.ts.
 */
// Component declarations are light (names, pins, values functions, namespace policies): importing the
// registry keeps app workspaces' start-up small; what components render stays out of it.
import type { Component } from '../components/component.js';
import { COMPONENTS } from '../components/registry.js';
import {
  IDENTITY_PROJECT,
  KEYCLOAK_INSTANCE,
  PLATFORM_PROJECT,
  RESERVED_NAMESPACES,
  ROOT_APP,
} from './names.js';

/** The bootstrap's own file in `apps/` (the platform and identity AppProjects). */
export const PLATFORM_PROJECT_FILE = 'platform-project';

/**
 * Name → why it is taken, for messages. Argo CD components own `apps/<name>.yaml` and `platform/<name>/`;
 * the names of what the bootstrap installs double as folder and app names in runbooks.
 */
export function reservedNames(registry: readonly Component[] = COMPONENTS): ReadonlyMap<string, string> {
  return new Map<string, string>([
    [ROOT_APP, 'the root Application (app of apps)'],
    [PLATFORM_PROJECT, 'the platform AppProject'],
    [IDENTITY_PROJECT, 'the identity AppProject'],
    [PLATFORM_PROJECT_FILE, 'the bootstrap’s apps/platform-project.yaml'],
    [KEYCLOAK_INSTANCE, 'the Keycloak instance'],
    ...registry.map((c): [string, string] => [
      c.name,
      c.install === 'argocd' ? `the platform component ${c.name}` : `the Helm release ${c.name}`,
    ]),
    ...RESERVED_NAMESPACES.map((n): [string, string] => [n, `the namespace ${n}`]),
  ]);
}

export const RESERVED_NAMES: ReadonlyMap<string, string> = reservedNames();

/** Keycloak realms an app may not take: `master` is Keycloak's administration realm. */
export const RESERVED_REALMS: ReadonlyMap<string, string> = new Map([
  ['master', 'Keycloak’s administration realm'],
]);

/** Why `name` is taken by the platform, or undefined when it is free. */
export function reservedBecause(name: string): string | undefined {
  return RESERVED_NAMES.get(name);
}
