/**
 * The peer comparison, run by bench.ts in its own process: one penvoice-like app rendered to YAML
 * strings in memory, both sides in-process, warmed up, timed in rotating rounds; prints one JSON line.
 * `node src/peer.ts --yaml` prints both sides' YAML of the six objects instead (to eyeball them).
 *
 * Three contenders: cdk8s + cdk8s-plus synthesizing six objects (Namespace, ConfigMap, a Deployment
 * standing in for the Rollout, Service, Ingress, NetworkPolicy); our engine rendering the same six objects
 * (kubernetes-models classes → validate() → canonical YAML); and our whole kit recipe for the app (≈27
 * objects: Rollout, AnalysisTemplate, CNPG cluster, Argo CD project and Applications, monitoring, network
 * policies, realm…, all schema-checked). The summary ratio is the object-for-object one; the kit's is
 * reported beside it.
 *
 * With `--kosko <dir>` (the programs peer-programs.ts wrote), Kosko joins: `generate` (validation on) +
 * `print` as YAML of the same objects as the real workspace, built from the same kubernetes-models
 * classes, against our kit's whole recipe.
 */

import { join } from 'node:path';
import { generate, PrintFormat, print } from '@kosko/generate';
import { renderSlice, type Slice, Tree } from '@ultron/platform';
import { defineWorkload, type WorkloadInput } from '@ultron/workload-kit';
import cluster from '@ultron-gitops/cluster';
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';

const ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? 9);
const PER_ROUND = Number(process.env.BENCH_PEER_PER_ROUND ?? 40);

function penvoiceLike(i: number): WorkloadInput {
  const name = `penvoice${i}`;
  const domain = `${name}.app`;
  return {
    name,
    domain,
    hosts: [`api.${domain}`],
    image: `ghcr.io/ultron-infra/${name}:sha-3f9c2a1`,
    env: { LOG_LEVEL: 'info' },
    auth: { spa: { redirectUris: [`https://${domain}/auth/callback`], webOrigins: [`https://${domain}`] } },
  };
}

function ours(i: number): string[] {
  const input = penvoiceLike(i);
  return [...renderSlice(defineWorkload(cluster, input), `workloads/${input.name}`).files.values()];
}

/**
 * The same six objects as the cdk8s program below, with the fields cdk8s writes, built from
 * kubernetes-models classes and rendered by our engine (schema check of every object, canonical YAML):
 * the engine against cdk8s, object for object.
 */
function oursSameObjects(i: number): string[] {
  const input = penvoiceLike(i);
  const name = input.name;
  const host = input.hosts![0]!;
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'ultron' };
  const select = { app: name };
  const metadata = (n: string) => ({ name: n, namespace: name, labels });
  const probe = (path: string) => ({
    httpGet: { path, port: 8080, scheme: 'HTTP' as const },
    failureThreshold: 3,
  });
  const dir = `workloads/${name}`;
  const slice: Slice = {
    owns: [dir],
    build: () =>
      new Tree().addObjects(dir, [
        new Namespace({
          metadata: { name, labels: { ...labels, 'pod-security.kubernetes.io/enforce': 'restricted' } },
        }),
        new ConfigMap({ metadata: metadata(`${name}-env`), data: { LOG_LEVEL: 'info' } }),
        new Deployment({
          metadata: metadata(name),
          spec: {
            replicas: 2,
            revisionHistoryLimit: 10,
            selector: { matchLabels: select },
            strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
            template: {
              metadata: { labels: { ...labels, ...select } },
              spec: {
                automountServiceAccountToken: false,
                securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532 },
                containers: [
                  {
                    name: 'app',
                    image: input.image,
                    ports: [{ containerPort: 8080 }],
                    env: [
                      {
                        name: 'LOG_LEVEL',
                        valueFrom: { configMapKeyRef: { name: `${name}-env`, key: 'LOG_LEVEL' } },
                      },
                    ],
                    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
                    readinessProbe: probe('/readyz'),
                    livenessProbe: probe('/livez'),
                    securityContext: {
                      runAsNonRoot: true,
                      readOnlyRootFilesystem: true,
                      allowPrivilegeEscalation: false,
                      privileged: false,
                    },
                  },
                ],
              },
            },
          },
        }),
        new Service({
          metadata: metadata(name),
          spec: {
            type: 'ClusterIP',
            selector: select,
            ports: [{ name: 'http', port: 80, targetPort: 8080 }],
          },
        }),
        new Ingress({
          metadata: {
            ...metadata(name),
            annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' },
          },
          spec: {
            ingressClassName: 'traefik',
            tls: [{ hosts: [host], secretName: `${name}-tls` }],
            rules: [
              {
                host,
                http: {
                  paths: [
                    { path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } },
                  ],
                },
              },
            ],
          },
        }),
        new NetworkPolicy({
          metadata: metadata(`${name}-ingress`),
          spec: {
            podSelector: { matchLabels: select },
            policyTypes: ['Ingress'],
            ingress: [
              {
                from: [
                  {
                    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
                    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } },
                  },
                ],
                ports: [{ protocol: 'TCP', port: 8080 }],
              },
            ],
          },
        }),
      ]),
  };
  return [...renderSlice(slice, dir).files.values()];
}

/** The same app's core objects, written the cdk8s way: Namespace, Deployment, Service, Ingress, ConfigMap, NetworkPolicy. */
function cdk8s(i: number): string {
  const input = penvoiceLike(i);
  const name = input.name;
  const host = input.hosts![0]!;
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'ultron' };
  const app = new App();
  // A chart of its own: a chart's namespace would be stamped on the (cluster-scoped) Namespace too.
  new kplus.Namespace(new Chart(app, `${name}-namespace`, { labels }), 'namespace', {
    metadata: { name, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
  });
  const chart = new Chart(app, name, { namespace: name, labels });
  const config = new kplus.ConfigMap(chart, 'config', {
    metadata: { name: `${name}-env` },
    data: { LOG_LEVEL: 'info' },
  });
  const deployment = new kplus.Deployment(chart, 'deployment', {
    metadata: { name },
    replicas: 2,
    automountServiceAccountToken: false,
    securityContext: { ensureNonRoot: true, user: 65532, group: 65532, fsGroup: 65532 },
    containers: [
      {
        name: 'app',
        image: input.image,
        portNumber: 8080,
        envVariables: { LOG_LEVEL: kplus.EnvValue.fromConfigMap(config, 'LOG_LEVEL') },
        resources: {
          cpu: { request: kplus.Cpu.millis(100) },
          memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
        },
        readiness: kplus.Probe.fromHttpGet('/readyz', { port: 8080 }),
        liveness: kplus.Probe.fromHttpGet('/livez', { port: 8080 }),
        securityContext: {
          ensureNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
        },
      },
    ],
  });
  const service = deployment.exposeViaService({
    name,
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });
  new kplus.Ingress(chart, 'ingress', {
    metadata: { name, annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' } },
    className: 'traefik',
    rules: [{ host, path: '/', backend: kplus.IngressBackend.fromService(service) }],
    tls: [{ hosts: [host], secret: kplus.Secret.fromSecretName(chart, 'tls', `${name}-tls`) }],
  });
  new kplus.NetworkPolicy(chart, 'ingress-policy', {
    metadata: { name: `${name}-ingress` },
    selector: deployment,
    ingress: {
      rules: [
        {
          peer: kplus.Pods.select(chart, 'traefik', {
            labels: { 'app.kubernetes.io/name': 'traefik' },
            namespaces: kplus.Namespaces.select(chart, 'kube-system', { names: ['kube-system'] }),
          }),
          ports: [kplus.NetworkPolicyPort.tcp(8080)],
        },
      ],
    },
  });
  return app.synthYaml();
}

function msPer(fn: (i: number) => unknown, from: number, count: number): number {
  const t0 = performance.now();
  for (let i = from; i < from + count; i++) fn(i);
  return (performance.now() - t0) / count;
}

async function msPerAsync(fn: (i: number) => Promise<unknown>, from: number, count: number): Promise<number> {
  const t0 = performance.now();
  for (let i = from; i < from + count; i++) await fn(i);
  return (performance.now() - t0) / count;
}

/** Kosko's `kosko generate`: find the components, build and validate the objects, print them as YAML. */
async function kosko(components: string): Promise<string> {
  const result = await generate({ path: components, components: ['*'], extensions: ['mjs'], validate: true });
  let yaml = '';
  print(result, { format: PrintFormat.YAML, writer: { write: (data: string) => (yaml += data) } });
  return yaml;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

if (process.argv.includes('--yaml')) {
  process.stdout.write(`${cdk8s(1)}\n# ours, the same objects\n${oursSameObjects(1).join('')}`);
} else {
  const koskoAt = process.argv.indexOf('--kosko');
  const koskoDir = koskoAt > 0 ? process.argv[koskoAt + 1] : undefined;
  const count = (files: string[]) =>
    files.reduce((n, file) => n + file.split(/^apiVersion: /m).length - 1, 0);
  const contenders = { kit: ours, same: oursSameObjects, cdk8s: (i: number) => [cdk8s(i)] };
  const objects = Object.fromEntries(Object.entries(contenders).map(([k, fn]) => [k, count(fn(0))]));
  // Warm every contender up (JIT, first use of each schema) before any timed round.
  for (const fn of Object.values(contenders)) msPer(fn, 1, PER_ROUND);
  const times: Record<string, number[]> = { kit: [], same: [], cdk8s: [] };
  const order = Object.keys(contenders) as (keyof typeof contenders)[];
  for (let r = 0; r < ROUNDS; r++) {
    const from = 1000 + r * PER_ROUND;
    // Rotate who goes first, so that no contender always runs right after the same other one.
    for (let k = 0; k < order.length; k++) {
      const name = order[(r + k) % order.length]!;
      times[name]!.push(msPer(contenders[name], from, PER_ROUND));
    }
  }
  let koskoMs = Number.NaN;
  let kitBesideKoskoMs = Number.NaN;
  if (koskoDir) {
    const components = join(koskoDir, 'kosko/components');
    objects.kosko = count([await kosko(components)]);
    const koskoTimes: number[] = [];
    const kitTimes: number[] = [];
    await msPerAsync(() => kosko(components), 0, PER_ROUND);
    // Interleaved with rounds of the kit, so that both see the same machine; the ratio reads these rounds.
    for (let r = 0; r < ROUNDS; r++) {
      koskoTimes.push(await msPerAsync(() => kosko(components), 0, PER_ROUND));
      kitTimes.push(msPer(ours, 5000 + r * PER_ROUND, PER_ROUND));
    }
    koskoMs = median(koskoTimes);
    kitBesideKoskoMs = median(kitTimes);
  }
  const kitMs = median(times.kit!);
  const sameMs = median(times.same!);
  const cdk8sMs = median(times.cdk8s!);
  process.stdout.write(
    `${JSON.stringify({ kitMs, sameMs, cdk8sMs, koskoMs, ratio: sameMs / cdk8sMs, kitRatio: kitMs / cdk8sMs, koskoRatio: kitBesideKoskoMs / koskoMs, objects, rounds: ROUNDS, perRound: PER_ROUND })}\n`,
  );
}
