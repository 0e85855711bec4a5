import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { SYNC_WAVE, WAVES } from '../../argocd/application.js';
import type { Cluster } from '../../cluster/schema.js';
import { commonLabels, IDENTITY_PROJECT, PLATFORM_NAMESPACES } from '../../conventions/names.js';

/**
 * The project app realms sync through. Realms must live in the Keycloak namespace (the instance only
 * sees imports there), yet an app's own project stays limited to the app's namespace; this project may
 * only put realm imports, their sync Jobs, ConfigMaps and ExternalSecrets into `keycloak`, from this repository. Projects
 * cannot restrict names or contents, so an admission policy does (identity-guard.ts): every Job and
 * ConfigMap Argo CD writes there must be an app's realm-sync Job, reading only its app's `<app>-kc`.
 */
export function identityProject(cluster: Cluster): AppProject {
  return new AppProject({
    metadata: {
      name: IDENTITY_PROJECT,
      namespace: PLATFORM_NAMESPACES.argocd,
      labels: commonLabels('identity'),
      annotations: { [SYNC_WAVE]: String(WAVES.projects) },
    },
    spec: {
      description: 'App realms: KeycloakRealmImports and their sync Jobs, in the keycloak namespace only',
      sourceRepos: [cluster.gitops.repoURL],
      destinations: [{ server: 'https://kubernetes.default.svc', namespace: PLATFORM_NAMESPACES.keycloak }],
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: [
        { group: 'k8s.keycloak.org', kind: 'KeycloakRealmImport' },
        { group: 'batch', kind: 'Job' },
        { group: '', kind: 'ConfigMap' },
        // The Secrets the realm sync reads, from the vault (OCI Vault backend).
        { group: 'external-secrets.io', kind: 'ExternalSecret' },
      ],
    },
  });
}
