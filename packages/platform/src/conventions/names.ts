/**
 * Every derived name in one place. Names are an API (dashboards, runbooks and scripts use them), so
 * they are deterministic and never hashed.
 */
export const PART_OF = 'ultron';
export const MANAGED_BY = 'ultron';

/** Namespaces the platform itself uses; an app may not take one of them. */
export const PLATFORM_NAMESPACES = {
  argocd: 'argocd',
  certManager: 'cert-manager',
  monitoring: 'monitoring',
  cnpg: 'cnpg-system',
  keycloak: 'keycloak',
  kubeSystem: 'kube-system',
  externalSecrets: 'external-secrets',
} as const;

export const RESERVED_NAMESPACES: readonly string[] = [
  ...Object.values(PLATFORM_NAMESPACES),
  'default',
  'kube-public',
  'kube-node-lease',
];

/** The Argo CD project that holds the platform's own components. */
export const PLATFORM_PROJECT = 'platform';
export const ROOT_APP = 'root';
/** The root app's own AppProject: Applications and AppProjects in argocd, nothing else. */
export const ROOT_PROJECT = 'root';

/** The Argo CD repository credential the bootstrap creates from the environment (never from a file). */
export const REPO_CREDENTIAL = {
  secret: 'gitops-repo',
  namespace: PLATFORM_NAMESPACES.argocd,
  tokenEnv: 'ULTRON_GITOPS_TOKEN',
  usernameEnv: 'ULTRON_GITOPS_USERNAME',
  /** GitHub accepts any non-empty user name with a fine-grained token. */
  defaultUsername: 'git',
  label: { 'argocd.argoproj.io/secret-type': 'repository' },
} as const;

export const appNames = (app: string) => ({
  namespace: app,
  rollout: app,
  container: app,
  service: app,
  /** Preview service for the canary's pods. */
  canaryService: `${app}-canary`,
  stableService: `${app}-stable`,
  analysisTemplate: `${app}-success-rate`,
  serviceMonitor: app,
  ingress: app,
  tlsSecret: `${app}-tls`,
  project: app,
  application: app,
  migrationsJob: `${app}-migrate`,
  pgCluster: `${app}-pg`,
  pgAppSecret: `${app}-pg-app`,
  pgRwService: `${app}-pg-rw`,
  pgBackupCreds: `${app}-pg-backup-creds`,
  pgScheduledBackup: `${app}-pg-nightly`,
  pgObjectStore: `${app}-pg-store`,
  /** Point-in-time restores go to a new cluster, never in place. */
  pgRestoreCluster: `${app}-pg-restore`,
  /** On-demand backups, named by their Unix time. */
  pgManualBackup: (unixSeconds: number) => `${app}-pg-manual-${unixSeconds}`,
  keycloakSecret: `${app}-kc`,
  apiClient: `${app}-api`,
  spaClient: `${app}-spa`,
});

/** The longest suffix the kit appends to an app name (`-pg-backup-creds`), so app names stay valid. */
export const LONGEST_SUFFIX = '-pg-backup-creds'.length;

/** Labels on everything the kit renders. `app` is the selector label the recipe relies on. */
export function commonLabels(app: string, component?: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/part-of': PART_OF,
    'app.kubernetes.io/managed-by': MANAGED_BY,
    ...(component ? { 'app.kubernetes.io/component': component } : {}),
  };
}

/** Labels with a meaning of their own across objects. */
export const LABELS = {
  /** Pods allowed to reach the app's database (the app and its migrations Job). */
  dbClient: 'ultron.io/db-client',
  /** kube-prometheus-stack's selector label for monitors and rules. */
  prometheusRelease: 'release',
  /** Grafana's dashboard sidecar picks up ConfigMaps carrying this label. */
  grafanaDashboard: 'grafana_dashboard',
  /** CNPG labels each Postgres pod with its cluster's name. */
  cnpgCluster: 'cnpg.io/cluster',
  /** On a namespace: its pods may call Keycloak in-cluster (signing keys); Keycloak's policy admits them. */
  keycloakClient: 'ultron.io/keycloak-client',
  /** On a pod: a realm-sync Job, the only thing that calls Keycloak's admin API in-cluster. */
  realmSync: 'ultron.io/realm-sync',
} as const;

/** Argo CD annotations the recipe relies on. */
export const ARGOCD = {
  hook: 'argocd.argoproj.io/hook',
  hookDeletePolicy: 'argocd.argoproj.io/hook-delete-policy',
  syncOptions: 'argocd.argoproj.io/sync-options',
} as const;

/** The Argo CD project that may sync app realms into the Keycloak namespace (and nothing else). */
export const IDENTITY_PROJECT = 'identity';
/**
 * The platform's own realm (not `master`): operators sign in to Argo CD through it. Members of the admin
 * group are Argo CD admins; everyone else who can sign in reads only.
 */
export const PLATFORM_REALM = {
  realm: 'platform',
  argocdClient: 'argocd',
  argocdAdminGroup: 'argocd-admins',
} as const;
/** The Keycloak CR's name; the operator serves it as `<name>-service` and keeps admin credentials in `<name>-initial-admin`. */
export const KEYCLOAK_INSTANCE = 'keycloak';
/**
 * The Service the Keycloak operator (26.x) creates for each Keycloak: its name, labels and ports. The
 * platform's clients reach Keycloak on its plain HTTP port inside the cluster.
 */
export const KEYCLOAK_SERVICE = {
  name: (instance: string) => `${instance}-service`,
  labels: (instance: string) => ({
    app: 'keycloak',
    'app.kubernetes.io/instance': instance,
    'app.kubernetes.io/managed-by': 'keycloak-operator',
  }),
  ports: { http: 8080, https: 8443, management: 9000 },
} as const;

/** The label (and value) Grafana's dashboard sidecar looks for on ConfigMaps in every namespace. */
export const GRAFANA_DASHBOARD_LABEL = { [LABELS.grafanaDashboard]: '1' } as const;

/**
 * The pod cert-manager (v1.20, pkg/issuer/acme/http/pod.go) starts in a Certificate's namespace to
 * answer an HTTP-01 challenge: its label and the port it listens on. Default-deny namespaces must
 * admit Traefik to it.
 */
export const ACME_HTTP01_SOLVER = {
  podLabels: { 'acme.cert-manager.io/http01-solver': 'true' },
  port: 8089,
} as const;
