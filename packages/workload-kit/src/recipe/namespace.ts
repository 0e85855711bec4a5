import { appNames, commonLabels, LABELS, podSecurityNamespace } from '@ultron/platform/core';
import type { Namespace } from 'kubernetes-models/v1/Namespace';
import type { Workload } from '../definition/schema.js';

/**
 * The app's namespace, enforcing Pod Security "restricted" for everything in it. With auth, it is marked
 * as a Keycloak client: Keycloak's own NetworkPolicy admits its pods (and no other namespace's).
 */
export function namespace(w: Workload): Namespace {
  return podSecurityNamespace(
    appNames(w.name).namespace,
    { ...commonLabels(w.name), ...(w.auth ? { [LABELS.keycloakClient]: 'true' } : {}) },
    { level: 'restricted' },
  );
}
