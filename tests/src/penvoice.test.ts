import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

/** The rendered penvoice, checked against every number and name of the platform's per-app recipe (SPEC §1). */
const tree = join(findRepoRoot(import.meta.dirname), 'gitops');
// biome-ignore lint/suspicious/noExplicitAny: rendered YAML is untyped data
const load = (file: string): any => parse(readFileSync(join(tree, file), 'utf8'));
const dir = 'workloads/penvoice';

describe('penvoice, as SPEC.md describes it', () => {
  const rollout = load(`${dir}/rollout-penvoice.yaml`);
  const container = rollout.spec.template.spec.containers[0];

  it('is a Rollout named penvoice in namespace penvoice, pods labelled app: penvoice, container penvoice', () => {
    expect(rollout.apiVersion).toBe('argoproj.io/v1alpha1');
    expect(rollout.metadata).toMatchObject({ name: 'penvoice', namespace: 'penvoice' });
    expect(rollout.spec.selector.matchLabels).toEqual({ app: 'penvoice' });
    expect(rollout.spec.template.metadata.labels.app).toBe('penvoice');
    expect(container.name).toBe('penvoice');
    expect(container.image).toMatch(/^ghcr\.io\/[a-z0-9-]+\/penvoice:sha-[0-9a-f]{7,}$/);
  });

  it('serves one port named http, ready on /readyz, and no liveness probe (the seed API documents none)', () => {
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.livenessProbe).toBeUndefined();
  });

  it('walks 25 → 50 → 75 with 60s pauses, background analysis from step 1', () => {
    expect(rollout.spec.strategy.canary.steps).toEqual([
      { setWeight: 25 },
      { pause: { duration: '60s' } },
      { setWeight: 50 },
      { pause: { duration: '60s' } },
      { setWeight: 75 },
      { pause: { duration: '60s' } },
    ]);
    expect(rollout.spec.strategy.canary.analysis).toEqual({
      templates: [{ templateName: 'penvoice-success-rate' }],
      startingStep: 1,
      args: [{ name: 'canary-hash', valueFrom: { podTemplateHashValue: 'Latest' } }],
    });
    // Two replicas cannot run 25/50/75 by pod count (Rollouts would run 33/50/67): exact weights through Traefik.
    expect(rollout.spec.strategy.canary.trafficRouting).toEqual({
      traefik: { weightedTraefikServiceName: 'penvoice' },
    });
  });

  it("gates on the canary's success rate every 30s, failureLimit 2, >= 0.95, from the platform Prometheus", () => {
    const t = load(`${dir}/analysistemplate-penvoice-success-rate.yaml`);
    expect(t.metadata).toMatchObject({ name: 'penvoice-success-rate', namespace: 'penvoice' });
    const [metric] = t.spec.metrics;
    expect(metric).toMatchObject({
      name: 'success-rate',
      interval: '30s',
      failureLimit: 2,
      successCondition: 'len(result) > 0 && result[0] >= 0.95',
      failureCondition: 'len(result) > 0 && result[0] < 0.95',
    });
    expect(metric.provider.prometheus.address).toBe('http://prometheus-operated.monitoring:9090');
    // The seed's query (non-5xx by `code` over all of them, [1m]), narrowed to the canary's pods and
    // measured only above the traffic floor; tests/src/behaviour proves what it returns.
    const q = metric.provider.prometheus.query.replace(/\s+/g, ' ');
    const canary = 'namespace="penvoice",rollouts_pod_template_hash="{{args.canary-hash}}"';
    expect(q).toBe(
      `( sum(rate(http_requests_total{${canary},code!~"5.."}[1m])) / sum(rate(http_requests_total{${canary}}[1m])) ) and sum(rate(http_requests_total{${canary}}[1m])) >= 0.1`,
    );
  });

  it('is scraped by a ServiceMonitor the platform Prometheus selects, with the pod-template-hash relabeling', () => {
    const m = load(`${dir}/servicemonitor-penvoice.yaml`);
    expect(m.metadata.labels.release).toBe('kube-prom-stack');
    expect(m.spec.selector.matchLabels).toEqual({ app: 'penvoice' });
    expect(m.spec.endpoints).toEqual([
      {
        port: 'http',
        path: '/metrics',
        interval: '15s',
        relabelings: [
          {
            action: 'replace',
            sourceLabels: ['__meta_kubernetes_pod_label_rollouts_pod_template_hash'],
            targetLabel: 'rollouts_pod_template_hash',
          },
        ],
      },
    ]);
  });

  it('has a Service penvoice (app: penvoice, port http) routed by Traefik for api.penvoice.app with a certificate', () => {
    const svc = load(`${dir}/service-penvoice.yaml`);
    expect(svc.metadata.labels.app).toBe('penvoice');
    expect(svc.spec.selector).toEqual({ app: 'penvoice' });
    expect(svc.spec.ports[0]).toMatchObject({ name: 'http', targetPort: 'http' });
    // Canary and stable Services select the same pods but not by the monitored label: scraped once.
    for (const role of ['canary', 'stable']) {
      expect(load(`${dir}/service-penvoice-${role}.yaml`).metadata.labels.app).toBeUndefined();
    }
    const route = load(`${dir}/ingressroute-penvoice.yaml`);
    expect(route.spec.entryPoints).toEqual(['websecure']);
    expect(route.spec.routes[0].match).toBe('Host(`api.penvoice.app`)');
    const cert = load(`${dir}/certificate-penvoice-tls.yaml`);
    expect(cert.spec.dnsNames).toEqual(['api.penvoice.app']);
    expect(route.spec.tls.secretName).toBe(cert.spec.secretName);
  });

  it('has Postgres penvoice-pg: 1 instance, 5Gi local-path, initdb penvoice, 100m/256Mi, 512Mi limit, Oracle backups through the plugin', () => {
    const pg = load(`${dir}/database/cluster-penvoice-pg.yaml`);
    expect(pg.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(pg.metadata).toMatchObject({ name: 'penvoice-pg', namespace: 'penvoice' });
    expect(pg.spec.instances).toBe(1);
    expect(pg.spec.storage).toEqual({ size: '5Gi', storageClass: 'local-path' });
    expect(pg.spec.bootstrap.initdb).toEqual({ database: 'penvoice', owner: 'penvoice' });
    expect(pg.spec.resources).toEqual({
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { memory: '512Mi' },
    });
    // Backups go through the Barman Cloud plugin (the supported path) and its ObjectStore.
    expect(pg.spec.backup).toBeUndefined();
    expect(pg.spec.plugins).toEqual([
      {
        name: 'barman-cloud.cloudnative-pg.io',
        isWALArchiver: true,
        parameters: { barmanObjectName: 'penvoice-pg-store', serverName: 'penvoice-pg' },
      },
    ]);
    const objectStore = load(`${dir}/database/objectstore-penvoice-pg-store.yaml`);
    expect(objectStore.spec.retentionPolicy).toBe('30d');
    const store = objectStore.spec.configuration;
    expect(store.destinationPath).toMatch(/^s3:\/\/[a-z0-9._-]+\/$/);
    expect(store.endpointURL).toMatch(
      /^https:\/\/[a-z0-9]+\.compat\.objectstorage\.[a-z]+-[a-z]+-[0-9]+\.oraclecloud\.com$/,
    );
    expect(store.s3Credentials).toEqual({
      accessKeyId: { name: 'penvoice-pg-backup-creds', key: 'ACCESS_KEY_ID' },
      secretAccessKey: { name: 'penvoice-pg-backup-creds', key: 'ACCESS_SECRET_KEY' },
    });
    expect(store.wal.compression).toBe('gzip');
    expect(store.data.compression).toBe('gzip');
    const env = Object.fromEntries(
      objectStore.spec.instanceSidecarConfiguration.env.map((e: { name: string; value: string }) => [
        e.name,
        e.value,
      ]),
    );
    expect(env).toMatchObject({
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
    });
    expect(store.endpointURL).toContain(`.${env.AWS_DEFAULT_REGION}.`);
  });

  it('backs up nightly with a six-field cron', () => {
    const b = load(`${dir}/database/scheduledbackup-penvoice-pg-nightly.yaml`);
    expect(b.spec.cluster).toEqual({ name: 'penvoice-pg' });
    expect(b.spec.schedule.split(' ')).toHaveLength(6);
    expect(b.spec.method).toBe('plugin');
    expect(b.spec.pluginConfiguration).toEqual({ name: 'barman-cloud.cloudnative-pg.io' });
  });

  it('reads DB_URL from penvoice-pg-app key uri, in the app and in the migrations Job that runs once per image', () => {
    const dbUrl = { name: 'DB_URL', valueFrom: { secretKeyRef: { name: 'penvoice-pg-app', key: 'uri' } } };
    expect(container.env).toContainEqual(dbUrl);
    const job = load(`${dir}/job-penvoice-migrate-sha-3f9c2a1.yaml`);
    // Not a hook (a hook replays on every sync retry): a plain Job one wave before the Rollout.
    expect(job.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-1' });
    expect(job.spec.template.spec.containers[0].image).toBe(container.image);
    expect(job.spec.template.spec.containers[0].env).toContainEqual(dbUrl);
  });

  it('syncs the database one wave before the app, so a fresh cluster converges with no manual step', () => {
    const docs = parseAllDocuments(readFileSync(join(tree, 'apps/penvoice.yaml'), 'utf8')).map((d) =>
      d.toJS(),
    );
    const wave = (name: string) =>
      Number(
        docs.find((d) => d.kind === 'Application' && d.metadata.name === name).metadata.annotations[
          'argocd.argoproj.io/sync-wave'
        ],
      );
    expect(wave('penvoice-db')).toBeLessThan(wave('penvoice'));
    const project = docs.find((d) => d.kind === 'AppProject');
    expect(project.spec.destinations).toEqual([
      { server: 'https://kubernetes.default.svc', namespace: 'penvoice' },
    ]);
    for (const app of docs.filter((d) => d.kind === 'Application')) {
      expect(app.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
    }
  });

  it('declares its realm: a public PKCE S256 SPA client with exact URIs, a confidential penvoice-api client, an audience mapper', () => {
    const realm = load(`${dir}/realm/keycloakrealmimport-penvoice-realm.yaml`);
    const [spa, api] = realm.spec.realm.clients;
    expect(spa).toMatchObject({ publicClient: true, standardFlowEnabled: true, implicitFlowEnabled: false });
    expect(spa.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(spa.redirectUris).toEqual(['https://penvoice.app/auth/callback']);
    expect(spa.protocolMappers[0]).toMatchObject({
      protocolMapper: 'oidc-audience-mapper',
      config: { 'included.client.audience': 'penvoice-api' },
    });
    expect(api).toMatchObject({
      clientId: 'penvoice-api',
      publicClient: false,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Keycloak placeholder, resolved by the operator
      secret: '${KC_API_CLIENT_SECRET}',
    });
    expect(realm.spec.placeholders.KC_API_CLIENT_SECRET.secret).toEqual({
      name: 'penvoice-kc',
      key: 'KC_API_CLIENT_SECRET',
    });
    expect(container.env).toContainEqual({
      name: 'KC_API_CLIENT_SECRET',
      valueFrom: { secretKeyRef: { name: 'penvoice-kc', key: 'KC_API_CLIENT_SECRET' } },
    });
  });

  it('runs restricted: non-root, no escalation, no capabilities, RuntimeDefault, read-only root with a writable /tmp', () => {
    const ns = load(`${dir}/database/namespace-penvoice.yaml`);
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
  });
});
