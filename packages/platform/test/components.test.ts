import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { IngressRoute } from '@kubernetes-models/traefik/traefik.io/v1alpha1/IngressRoute';
import { describe, expect, it } from 'vitest';
import { prerequisite } from '../../../testing/prerequisites.js';
import { SYNC_WAVE, WAVES } from '../src/argocd/application.js';
import { defineCluster } from '../src/cluster/define.js';
import {
  nightlyBackup,
  postgresCluster,
  postgresObjectStore,
  postgresPodMonitor,
} from '../src/cnpg/postgres.js';
import { rootApplication, rootProject } from '../src/components/bootstrap/root-app.js';
import { buildBootstrap } from '../src/components/bootstrap/slice.js';
import { cnpgOperator, cnpgOperatorApplication } from '../src/components/cnpg-operator/render.js';
import {
  keycloak,
  keycloakApplication,
  keycloakDatabase,
  keycloakInstance,
  keycloakObjects,
} from '../src/components/keycloak/render.js';
import { keycloakOperator, keycloakOperatorApplication } from '../src/components/keycloak-operator/render.js';
import { identityProject } from '../src/components/projects/identity-project.js';
import { platformProject } from '../src/components/projects/platform-project.js';
import { CrdRegistry } from '../src/conformance/registry.js';
import { toPlain } from '../src/render/manifest.js';
import { cluster, clusterInput } from './platform-cluster.js';
import { matches } from './traefik-rule.js';

const wave = (m: { metadata?: { annotations?: Record<string, string> } }) =>
  Number(m.metadata?.annotations?.[SYNC_WAVE]);
const database = keycloakDatabase(cluster);
const rendered = keycloakObjects(cluster);
const route = rendered.find((m) => m instanceof IngressRoute) as IngressRoute;
const certificate = rendered.find((m) => m instanceof Certificate) as Certificate;

describe('sync waves', () => {
  it('order projects < operators < the Keycloak instance < workloads', () => {
    const operators = [cnpgOperatorApplication(cluster), keycloakOperatorApplication(cluster)].map(wave);
    const instance = wave(keycloakApplication(cluster));
    expect(wave(platformProject(cluster))).toBe(WAVES.projects);
    expect(Math.max(...operators)).toBeLessThan(instance);
    expect(instance).toBeLessThan(WAVES.workloads);
    expect(WAVES.projects).toBeLessThan(Math.min(...operators));
  });

  it('inside platform/keycloak, put the database before the instance that reads its secret', () => {
    const kinds = keycloakObjects(cluster).map((m) => [m.kind, wave(m)]);
    expect(Object.fromEntries(kinds)).toMatchObject({ Cluster: 0, ScheduledBackup: 0, Keycloak: 1 });
  });
});

describe('apps/cnpg-operator', () => {
  it('installs the pinned CloudNativePG chart into cnpg-system with server-side apply', () => {
    const { spec } = cnpgOperatorApplication(cluster);
    expect(spec.source).toMatchObject({
      repoURL: 'https://cloudnative-pg.github.io/charts',
      chart: 'cloudnative-pg',
      targetRevision: '0.28.3',
    });
    expect(spec.destination.namespace).toBe('cnpg-system');
    expect(spec.syncPolicy?.automated).toEqual({ prune: true, selfHeal: true });
    expect(spec.syncPolicy?.syncOptions).toContain('ServerSideApply=true');
    // The namespace comes from platform/namespaces (Pod Security labels, default-deny), not CreateNamespace.
    expect(spec.syncPolicy?.syncOptions).not.toContain('CreateNamespace=true');
    expect(spec.source?.helm?.valuesObject).toMatchObject({
      monitoring: {
        podMonitorEnabled: true,
        podMonitorAdditionalLabels: { release: 'kube-prom-stack' },
      },
    });
  });
});

describe('apps/keycloak-operator', () => {
  it('applies the upstream 26.6.3 manifests (CRDs + operator) into keycloak with server-side apply', () => {
    const { spec } = keycloakOperatorApplication(cluster);
    expect(spec.source).toEqual({
      repoURL: 'https://github.com/keycloak/keycloak-k8s-resources',
      targetRevision: '26.6.3',
      path: 'kubernetes',
      directory: {
        include:
          '{keycloaks.k8s.keycloak.org-v1.yml,keycloakrealmimports.k8s.keycloak.org-v1.yml,kubernetes.yml}',
      },
    });
    expect(spec.destination.namespace).toBe('keycloak');
    expect(spec.syncPolicy?.syncOptions).toContain('ServerSideApply=true');
    expect(spec.syncPolicy?.syncOptions).not.toContain('CreateNamespace=true');
  });
});

describe('apps/keycloak', () => {
  it('runs a v2beta1 Keycloak behind Traefik on auth.<authDomain>, on its CNPG database', () => {
    const kc = keycloakInstance(cluster);
    expect(kc.apiVersion).toBe('k8s.keycloak.org/v2beta1');
    expect(kc.spec).toMatchObject({
      hostname: { hostname: 'https://auth.acme.dev' },
      http: { httpEnabled: true },
      proxy: { headers: 'xforwarded' },
      ingress: { enabled: false },
      db: {
        vendor: 'postgres',
        host: 'keycloak-pg-rw',
        usernameSecret: { name: 'keycloak-pg-app', key: 'username' },
        passwordSecret: { name: 'keycloak-pg-app', key: 'password' },
      },
      resources: { requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '2', memory: '1536Mi' } },
    });
  });

  it('backs keycloak-pg up to Oracle Object Storage through the plugin, exactly like the per-app recipe', () => {
    const pg = toPlain(postgresCluster(cluster, database));
    expect(pg.metadata).toMatchObject({ name: 'keycloak-pg', namespace: 'keycloak' });
    expect(pg.spec).toMatchObject({
      instances: 1,
      storage: { size: '2Gi', storageClass: 'local-path' },
      bootstrap: { initdb: { database: 'keycloak', owner: 'keycloak' } },
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      plugins: [
        {
          name: 'barman-cloud.cloudnative-pg.io',
          isWALArchiver: true,
          parameters: { barmanObjectName: 'keycloak-pg-store', serverName: 'keycloak-pg' },
        },
      ],
    });
    expect(pg.spec).not.toHaveProperty('backup');
    const store = toPlain(postgresObjectStore(cluster, database, 'keycloak-pg-store'));
    expect(store.spec).toEqual({
      retentionPolicy: '30d',
      configuration: {
        destinationPath: 's3://pg-backups/',
        endpointURL: 'https://acmens.compat.objectstorage.eu-frankfurt-1.oraclecloud.com',
        s3Credentials: {
          accessKeyId: { name: 'keycloak-pg-backup-creds', key: 'ACCESS_KEY_ID' },
          secretAccessKey: { name: 'keycloak-pg-backup-creds', key: 'ACCESS_SECRET_KEY' },
        },
        wal: { compression: 'gzip' },
        data: { compression: 'gzip' },
      },
      instanceSidecarConfiguration: {
        env: [
          { name: 'AWS_REQUEST_CHECKSUM_CALCULATION', value: 'when_required' },
          { name: 'AWS_RESPONSE_CHECKSUM_VALIDATION', value: 'when_required' },
          { name: 'AWS_DEFAULT_REGION', value: 'eu-frankfurt-1' },
        ],
      },
    });
  });

  it('takes a nightly base backup on a six-field schedule, through the plugin', () => {
    const { spec } = nightlyBackup(database);
    expect(spec).toMatchObject({
      cluster: { name: 'keycloak-pg' },
      method: 'plugin',
      pluginConfiguration: { name: 'barman-cloud.cloudnative-pg.io' },
      schedule: '0 0 3 * * *',
    });
    expect(spec.schedule.split(' ')).toHaveLength(6);
  });

  it('serves auth.<authDomain> through Traefik over HTTPS only, with a certificate for exactly that host', () => {
    expect(route.spec).toMatchObject({ entryPoints: ['websecure'], tls: { secretName: 'keycloak-tls' } });
    expect(route.spec.routes).toHaveLength(1);
    expect(route.spec.routes[0]?.services).toEqual([{ name: 'keycloak-service', port: 8080 }]);
    expect(certificate.spec).toEqual({
      secretName: 'keycloak-tls',
      dnsNames: ['auth.acme.dev'],
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'letsencrypt-prod' },
    });
  });

  it('routes the realms the apps and Argo CD need, never the admin console, the master realm or metrics', () => {
    const rule = route.spec.routes[0]!.match;
    const reach = (path: string, host = 'auth.acme.dev') => matches(rule, { host, path });
    for (const open of [
      '/realms/penvoice/protocol/openid-connect/auth',
      '/realms/penvoice/protocol/openid-connect/certs',
      '/realms/platform/.well-known/openid-configuration',
      '/realms/platform/protocol/openid-connect/token',
      '/realms/master-data/account',
      '/resources/abc12/login/keycloak.v2/css/styles.css',
      '/robots.txt',
    ]) {
      expect(reach(open), open).toBe(true);
    }
    for (const closed of [
      '/',
      '/admin',
      '/admin/',
      '/admin/master/console/',
      '/admin/realms/penvoice/clients',
      '/realms/master',
      '/realms/master/',
      '/realms/master/protocol/openid-connect/token',
      '/metrics',
      '/health/ready',
      '/robots.txt/x',
    ]) {
      expect(reach(closed), closed).toBe(false);
    }
    expect(reach('/realms/penvoice/account', 'evil.example.com')).toBe(false);
    expect(reach('/realms/penvoice/account', 'AUTH.acme.dev')).toBe(true);
  });

  it("serves the admin console at the port-forward address, and renders its own exact NetworkPolicies instead of the operator's", () => {
    expect(keycloakInstance(cluster).spec.hostname).toEqual({
      hostname: 'https://auth.acme.dev',
      admin: 'http://localhost:8080',
    });
    expect(keycloakInstance(cluster).spec.networkPolicy).toEqual({ enabled: false });
  });

  it('labels its monitors for the platform Prometheus', () => {
    const monitors = rendered.filter((m) => m.kind === 'ServiceMonitor' || m.kind === 'PodMonitor');
    // Keycloak's own ServiceMonitor is the operator's (named after the CR); the tree only labels it.
    expect(monitors.map((m) => m.metadata?.name)).toEqual(['keycloak-pg']);
    for (const m of monitors) expect(m.metadata?.labels).toMatchObject({ release: 'kube-prom-stack' });
    expect(keycloakInstance(cluster).spec.serviceMonitor).toEqual({
      enabled: true,
      interval: '30s',
      labels: { release: 'kube-prom-stack' },
    });
    expect(postgresPodMonitor(cluster, database).spec.selector.matchLabels).toMatchObject({
      'cnpg.io/cluster': 'keycloak-pg',
    });
  });

  it('syncs after its operators, tolerating CRDs that are not established yet', () => {
    const { spec } = keycloakApplication(cluster);
    expect(spec.project).toBe('platform');
    expect(spec.source?.path).toBe('gitops/platform/keycloak');
    expect(spec.syncPolicy?.syncOptions).toEqual(
      expect.arrayContaining(['SkipDryRunOnMissingResource=true', 'ServerSideApply=true']),
    );
  });
});

describe('AppProjects', () => {
  it('limits the platform project to its components, sources and operator kinds (no wildcard)', () => {
    const { spec } = platformProject(cluster);
    expect(spec.destinations?.map((d) => d.namespace)).toEqual([
      'argocd',
      'cnpg-system',
      'external-secrets',
      'keycloak',
      'monitoring',
    ]);
    expect(spec.sourceRepos).toEqual([
      'https://charts.external-secrets.io',
      'https://cloudnative-pg.github.io/charts',
      'https://github.com/acme/gitops.git',
      'https://github.com/keycloak/keycloak-k8s-resources',
    ]);
    expect(JSON.stringify(spec.clusterResourceWhitelist)).not.toContain('*');
  });

  it('keeps the root app in its own project: Applications and AppProjects in argocd, from the repo only', () => {
    const { spec } = rootProject(cluster);
    expect(rootApplication(cluster).spec.project).toBe('root');
    expect(spec.sourceRepos).toEqual(['https://github.com/acme/gitops.git']);
    expect(spec.destinations).toEqual([{ server: 'https://kubernetes.default.svc', namespace: 'argocd' }]);
    expect(spec.clusterResourceWhitelist).toEqual([]);
    expect(spec.namespaceResourceWhitelist).toEqual([
      { group: 'argoproj.io', kind: 'Application' },
      { group: 'argoproj.io', kind: 'AppProject' },
    ]);
  });

  it('lets app realms reach only KeycloakRealmImports, Jobs, ConfigMaps and ExternalSecrets in keycloak', () => {
    const { spec } = identityProject(cluster);
    expect(spec.destinations).toEqual([{ server: 'https://kubernetes.default.svc', namespace: 'keycloak' }]);
    expect(spec.clusterResourceWhitelist).toEqual([]);
    expect(spec.namespaceResourceWhitelist?.map((k) => k.kind)).toEqual([
      'KeycloakRealmImport',
      'Job',
      'ConfigMap',
      'ExternalSecret',
    ]);
  });
});

/** The CRDs of the pinned versions, from the one setting CI points at ../shared. */
const crdsDir = process.env.ULTRON_CRDS_DIR;
const canRun = prerequisite('platform CRD conformance', crdsDir ? null : 'ULTRON_CRDS_DIR is not set');

describe.skipIf(!canRun)('every platform object, for one node and for two, against the pinned CRDs', () => {
  const registry = crdsDir ? CrdRegistry.fromDirectory(crdsDir) : null;
  const grown = defineCluster({
    ...clusterInput,
    nodes: [
      ...clusterInput.nodes,
      { name: 'ultron-2', role: 'agent', cpu: '4', memory: '24Gi', tailscaleIP: '100.64.0.2' },
    ],
    keycloak: { instances: 2, database: { instances: 2 } },
  });
  const all = [cluster, grown].flatMap((c) =>
    [buildBootstrap(c), cnpgOperator(c).build(), keycloakOperator(c).build(), keycloak(c).build()]
      .flatMap((tree) => tree.manifests)
      .map(toPlain),
  );

  it.each(
    all.map(
      (m, i) => [`${i < all.length / 2 ? '1 node' : '2 nodes'}: ${m.kind}/${m.metadata.name}`, m] as const,
    ),
  )('%s', (_, manifest) => {
    const verdict = registry!.validate(manifest);
    expect(verdict.status === 'invalid' ? verdict.problems : []).toEqual([]);
  });
});
