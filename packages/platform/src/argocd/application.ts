import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IApplicationSource } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSource';
import type { Cluster } from '../cluster/schema.js';
import { TREE_DIR } from '../conventions/layout.js';
import { PLATFORM_NAMESPACES } from '../conventions/names.js';

export const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

/**
 * Sync waves of the app-of-apps. Operators (and their CRDs) first, then what uses them. They only wait
 * because the Argo CD values add a health check for Application resources.
 */
export const WAVES = {
  projects: -10,
  /** The platform namespaces (Pod Security labels, default-deny) before anything lands in them. */
  namespaces: -8,
  operators: -5,
  platformServices: 0,
  workloads: 10,
} as const;

export interface ApplicationOptions {
  name: string;
  project: string;
  namespace: string;
  wave: number;
  sources: IApplicationSource[];
  /** Needed for large CRDs (CNPG, Keycloak, Prometheus operator) beyond the client-side annotation limit. */
  serverSideApply?: boolean;
  createNamespace?: boolean;
  /** For custom resources that may be synced before their CRD exists. */
  skipDryRunOnMissingResource?: boolean;
  labels?: Record<string, string>;
}

/** An Application with automated prune + selfHeal and the sync options its content needs. */
export function application(options: ApplicationOptions): Application {
  const syncOptions = [
    ...(options.createNamespace ? ['CreateNamespace=true'] : []),
    ...(options.serverSideApply ? ['ServerSideApply=true'] : []),
    ...(options.skipDryRunOnMissingResource ? ['SkipDryRunOnMissingResource=true'] : []),
    'PruneLast=true',
  ];
  return new Application({
    metadata: {
      name: options.name,
      namespace: PLATFORM_NAMESPACES.argocd,
      labels: options.labels ?? {},
      annotations: { [SYNC_WAVE]: String(options.wave) },
      // Deleting the Application also deletes what it deployed, instead of orphaning it.
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: options.project,
      destination: { server: 'https://kubernetes.default.svc', namespace: options.namespace },
      ...(options.sources.length === 1 ? { source: options.sources[0]! } : { sources: options.sources }),
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions,
        retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
      },
    },
  });
}

/** A source reading a folder of this repository's rendered tree. */
export function treeSource(cluster: Cluster, path: string): IApplicationSource {
  return {
    repoURL: cluster.gitops.repoURL,
    targetRevision: cluster.gitops.revision,
    path: `${TREE_DIR}/${path}`,
  };
}
