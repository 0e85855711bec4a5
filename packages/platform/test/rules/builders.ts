import type { TreeEntry } from '../../src/inspect/objects.js';

/** Small hand-made objects for rule tests: a valid app, which each test breaks in one way. */
export const entry = (file: string, manifest: Record<string, unknown>): TreeEntry => ({
  file,
  manifest: manifest as never,
});

export const pod = (extra: Record<string, unknown> = {}) => ({
  metadata: { labels: { app: 'demo' } },
  spec: {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        name: 'demo',
        image: 'ghcr.io/acme/demo:sha-1a2b3c4',
        ports: [{ name: 'http', containerPort: 8080 }],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      },
    ],
    ...extra,
  },
});

export const rollout = (canary: Record<string, unknown> = {}, template = pod()) =>
  entry('workloads/demo/rollout-demo.yaml', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'demo' },
    spec: { selector: { matchLabels: { app: 'demo' } }, template, strategy: { canary } },
  });

export const service = (
  name = 'demo',
  selector: Record<string, string> = { app: 'demo' },
  targetPort = 'http',
) =>
  entry(`workloads/demo/service-${name}.yaml`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'demo', labels: { app: 'demo' } },
    spec: { selector, ports: [{ name: 'http', port: 80, targetPort }] },
  });

export const namespace = (name = 'demo') =>
  entry(`workloads/demo/namespace-${name}.yaml`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

export const certificate = (dnsNames = ['api.demo.dev'], secretName = 'demo-tls') =>
  entry('workloads/demo/certificate-demo-tls.yaml', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'demo-tls', namespace: 'demo' },
    spec: { secretName, dnsNames },
  });

export const ingress = (host = 'api.demo.dev', secretName = 'demo-tls', name = 'demo', ns = 'demo') =>
  entry(`workloads/${ns}/ingress-${name}.yaml`, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: ns },
    spec: { tls: [{ hosts: [host], secretName }], rules: [{ host }] },
  });

export const application = (
  name: string,
  opts: { project?: string; ns?: string; wave?: number; path?: string; options?: string[] } = {},
) =>
  entry(`apps/${name}.yaml`, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name,
      namespace: 'argocd',
      annotations: { 'argocd.argoproj.io/sync-wave': String(opts.wave ?? 0) },
    },
    spec: {
      project: opts.project ?? name,
      destination: { namespace: opts.ns ?? name },
      source: {
        repoURL: 'https://github.com/acme/gitops.git',
        path: `gitops/${opts.path ?? `workloads/${name}`}`,
      },
      syncPolicy: { syncOptions: opts.options ?? [] },
    },
  });

export const project = (
  name: string,
  namespaces: string[],
  cluster: { group: string; kind: string }[] = [],
) =>
  entry(`apps/${name}.yaml`, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name, namespace: 'argocd' },
    spec: {
      sourceRepos: ['https://github.com/acme/gitops.git'],
      destinations: namespaces.map((namespace) => ({ namespace })),
      clusterResourceWhitelist: cluster,
    },
  });
