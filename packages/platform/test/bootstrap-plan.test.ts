import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { charts, k3s } from '../src/catalog/versions.js';
import { clusterCapacity, defineCluster } from '../src/cluster/define.js';
import { APPLICATION_HEALTH_LUA } from '../src/components/argocd/values.js';
import { helmLayerRequests } from '../src/components/bootstrap/budget.js';
import { BOOTSTRAP_FILES } from '../src/components/bootstrap/files.js';
import { k3sConfig } from '../src/components/bootstrap/k3s.js';
import { bootstrapPlan, formatStep } from '../src/components/bootstrap/plan.js';
import { bootstrap } from '../src/components/bootstrap/slice.js';
import { clusterIssuers } from '../src/components/cert-manager/cluster-issuers.js';
import { helmReleases } from '../src/components/lookups.js';
import { renderSlice } from '../src/render/slice.js';
import { cluster, clusterInput } from './platform-cluster.js';

const plan = bootstrapPlan(cluster);
const release = (name: string) => helmReleases(cluster).find((r) => r.release === name)!;

describe('the Helm bootstrap plan', () => {
  it('runs the steps in the order SPEC.md rebuilds the platform', () => {
    expect(plan.steps.map((s) => s.id)).toEqual([
      'namespaces',
      'cert-manager',
      'cluster-issuers',
      'kube-prom-stack',
      'traefik-config',
      'argocd',
      'argo-rollouts',
      'argo-workflows',
      'argo-events',
      'repo-credential',
      'root-app',
    ]);
  });

  it('prints the exact pinned commands', () => {
    expect(plan.steps.map(formatStep)).toEqual([
      'kubectl apply --server-side --force-conflicts --field-manager=ultron-bootstrap -f gitops/bootstrap/namespaces.yaml',
      'helm upgrade --install cert-manager cert-manager --repo https://charts.jetstack.io --version v1.20.2 --namespace cert-manager --create-namespace --values gitops/bootstrap/helm/01-cert-manager.values.yaml --wait --timeout 10m',
      'kubectl apply --server-side --force-conflicts --field-manager=ultron-bootstrap -f gitops/bootstrap/cluster-issuers.yaml',
      'helm upgrade --install kube-prom-stack kube-prometheus-stack --repo https://prometheus-community.github.io/helm-charts --version 86.2.3 --namespace monitoring --create-namespace --values gitops/bootstrap/helm/02-kube-prom-stack.values.yaml --wait --timeout 15m',
      'kubectl apply --server-side --force-conflicts --field-manager=ultron-bootstrap -f gitops/bootstrap/k3s/traefik-config.yaml',
      'helm upgrade --install argocd argo-cd --repo https://argoproj.github.io/argo-helm --version 9.5.21 --namespace argocd --create-namespace --values gitops/bootstrap/helm/03-argocd.values.yaml --wait --timeout 10m',
      'helm upgrade --install argo-rollouts argo-rollouts --repo https://argoproj.github.io/argo-helm --version 2.41.0 --namespace argocd --create-namespace --values gitops/bootstrap/helm/04-argo-rollouts.values.yaml --wait --timeout 10m',
      'helm upgrade --install argo-workflows argo-workflows --repo https://argoproj.github.io/argo-helm --version 1.0.15 --namespace argocd --create-namespace --values gitops/bootstrap/helm/05-argo-workflows.values.yaml --wait --timeout 10m',
      'helm upgrade --install argo-events argo-events --repo https://argoproj.github.io/argo-helm --version 2.4.21 --namespace argocd --create-namespace --values gitops/bootstrap/helm/06-argo-events.values.yaml --wait --timeout 10m',
      // Runnable as printed: the token flows from the environment to stdin, never onto a command line.
      `printf '%s' "$ULTRON_GITOPS_TOKEN" | kubectl create secret generic gitops-repo -n argocd --from-literal=type=git --from-literal=url=https://github.com/acme/gitops.git --from-literal=username="\${ULTRON_GITOPS_USERNAME:-git}" --from-file=password=/dev/stdin --dry-run=client -o yaml | kubectl label --local -f - argocd.argoproj.io/secret-type=repository -o yaml | kubectl apply --server-side --force-conflicts --field-manager=ultron-bootstrap -f -`,
      'kubectl apply --server-side --force-conflicts --field-manager=ultron-bootstrap -f gitops/bootstrap/root-project.yaml -f gitops/bootstrap/root-app.yaml',
    ]);
  });

  it('reads every chart version from the catalog', () => {
    const pinned = helmReleases(cluster).map((r) => r.chart);
    expect(pinned).toEqual([
      charts.certManager,
      charts.kubePrometheusStack,
      charts.argoCd,
      charts.argoRollouts,
      charts.argoWorkflows,
      charts.argoEvents,
    ]);
  });

  it('renders the plan, values files and runbook from the same data', () => {
    const files = renderSlice(bootstrap(cluster), 'bootstrap').files;
    expect(parse(files.get(BOOTSTRAP_FILES.plan)!)).toEqual(plan);
    const runbook = files.get(BOOTSTRAP_FILES.runbook)!;
    for (const step of plan.steps.filter((s) => !s.stdin)) expect(runbook).toContain(formatStep(step));
    helmReleases(cluster).forEach((r, i) => {
      expect(parse(files.get(BOOTSTRAP_FILES.helmValues(i, r))!)).toEqual(r.values);
    });
    // The rebuild order of SPEC.md: k3s, firewall, Helm layer, repository token, root app, secrets.
    const order = [
      '## 1. Install k3s',
      '## 2. Firewall',
      '## 3. Helm bootstrap',
      '## 4. Repository credential',
      '## 5. Recreate the out-of-band secrets',
    ];
    expect(order.map((h) => runbook.indexOf(h))).toEqual(
      [...order.map((h) => runbook.indexOf(h))].sort((a, b) => a - b),
    );
    expect(runbook).toContain(`INSTALL_K3S_VERSION=${k3s.version}`);
    expect(runbook).toContain('--dport 6443 -j ACCEPT');
    expect(runbook).toContain('-i tailscale0');
    expect(runbook).toContain(
      'kubectl -n keycloak create secret generic keycloak-pg-backup-creds --from-env-file="$tmp"',
    );
    expect(runbook).toContain('rm -f "$tmp"');
  });

  it('is byte-identical across renders', () => {
    const render = () => [...renderSlice(bootstrap(cluster), 'bootstrap').files];
    expect(render()).toEqual(render());
  });
});

describe('bootstrap values', () => {
  it('installs kube-prometheus-stack as release kube-prom-stack in monitoring', () => {
    expect(release('kube-prom-stack')).toMatchObject({
      namespace: 'monitoring',
      chart: { chart: 'kube-prometheus-stack' },
    });
  });

  it('installs cert-manager with its CRDs', () => {
    expect(release('cert-manager').values).toMatchObject({ crds: { enabled: true, keep: true } });
  });

  it('serves Argo CD at argocd.<authDomain> behind Traefik with a cert-manager certificate', () => {
    expect(release('argocd').values).toMatchObject({
      global: { domain: 'argocd.acme.dev' },
      configs: { params: { 'server.insecure': true } },
      server: {
        ingress: {
          enabled: true,
          ingressClassName: 'traefik',
          tls: true,
          annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' },
        },
      },
    });
  });

  it('gives Argo CD a health check for Application resources, so app-of-apps waves wait', () => {
    const cm = (release('argocd').values.configs as { cm: Record<string, string> }).cm;
    expect(cm['resource.customizations.health.argoproj.io_Application']).toBe(APPLICATION_HEALTH_LUA);
    // Its behaviour is proven in a Lua runtime by the tree tests (tests/src/behaviour/health-lua.test.ts).
    expect(APPLICATION_HEALTH_LUA).toContain('obj.status.sync.status ~= "Synced"');
  });

  it('drives Traefik canaries through the API group k3s Traefik serves, and diffs server-side', () => {
    const rollouts = release('argo-rollouts').values.controller as { extraArgs: string[] };
    expect(rollouts.extraArgs).toEqual([
      '--traefik-api-group=traefik.io',
      '--traefik-api-version=traefik.io/v1alpha1',
    ]);
    const params = (release('argocd').values.configs as { params: Record<string, unknown> }).params;
    expect(params['controller.diff.server.side']).toBe(true);
  });

  it('keeps Grafana private and lets its sidecar load labelled dashboards from every namespace', () => {
    expect(release('kube-prom-stack').values).toMatchObject({
      grafana: {
        ingress: { enabled: false },
        sidecar: {
          dashboards: { enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' },
        },
      },
    });
  });

  it('labels every monitor it creates for the platform Prometheus', () => {
    const text = JSON.stringify(helmReleases(cluster).map((r) => r.values));
    const labelled = text.match(/"additionalLabels":\{"release":"kube-prom-stack"\}/g) ?? [];
    expect(labelled.length).toBe(7); // cert-manager (via kps), 3× Argo CD, Rollouts, Workflows, Events
  });

  it('sets CPU and memory requests and limits on every container resources map it writes', () => {
    const unsized: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object' || Array.isArray(node)) return;
      for (const [k, v] of Object.entries(node)) {
        const r = v as { requests?: Record<string, string>; limits?: Record<string, string> };
        // A PersistentVolumeClaim's resources hold storage, not CPU and memory.
        if (k === 'resources' && !r.requests?.storage) {
          if (!r.requests?.cpu || !r.requests.memory || !r.limits?.cpu || !r.limits.memory)
            unsized.push(`${path}.${k}`);
        } else walk(v, `${path}.${k}`);
      }
    };
    for (const r of helmReleases(cluster)) walk(r.values, r.release);
    expect(unsized).toEqual([]);
  });

  it('fits the Helm layer and Traefik in well under half of one 4-core / 24 GiB node', () => {
    const layer = helmLayerRequests(cluster);
    expect(layer.map((r) => `${r.namespace}/${r.release}`)).toEqual([
      'cert-manager/cert-manager',
      'monitoring/kube-prom-stack',
      'argocd/argocd',
      'argocd/argo-rollouts',
      'argocd/argo-workflows',
      'argocd/argo-events',
      'kube-system/traefik',
    ]);
    const sum = layer.reduce(
      (a, r) => ({ cpu: a.cpu + r.requests.cpu, memory: a.memory + r.requests.memory }),
      {
        cpu: 0,
        memory: 0,
      },
    );
    expect(layer.every((r) => r.requests.cpu > 0 && r.requests.memory > 0)).toBe(true);
    const capacity = clusterCapacity(cluster);
    expect(sum.cpu).toBeLessThan(capacity.cpu / 2);
    expect(sum.memory).toBeLessThan(capacity.memory / 2);
  });
});

describe('ClusterIssuers', () => {
  it("are Let's Encrypt staging and production, solving HTTP-01 through Traefik", () => {
    const issuers = clusterIssuers(cluster).map((i) => ({
      name: i.metadata!.name,
      server: i.spec.acme!.server,
      email: i.spec.acme!.email,
      solvers: i.spec.acme!.solvers,
    }));
    expect(issuers).toEqual([
      {
        name: 'letsencrypt-staging',
        server: 'https://acme-staging-v02.api.letsencrypt.org/directory',
        email: 'ops@acme.dev',
        solvers: [{ http01: { ingress: { ingressClassName: 'traefik' } } }],
      },
      {
        name: 'letsencrypt-prod',
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: 'ops@acme.dev',
        solvers: [{ http01: { ingress: { ingressClassName: 'traefik' } } }],
      },
    ]);
  });
});

describe('k3s config', () => {
  it('keeps Traefik, adds the Tailscale name and IP to tls-san, locks the kubeconfig and encrypts secrets', () => {
    const config = k3sConfig(cluster, cluster.nodes[0]!);
    expect(config).toEqual({
      'node-name': 'ultron',
      'write-kubeconfig-mode': '0600',
      'tls-san': ['ultron', '100.64.0.1'],
      'secrets-encryption': true,
      // The Kubernetes API endpoint NetworkPolicies allow: the Tailscale IP, unless the definition names one.
      'advertise-address': '100.64.0.1',
    });
    const explicit = defineCluster({ ...clusterInput, kubernetesApi: { address: '10.0.0.5' } });
    expect(k3sConfig(explicit, explicit.nodes[0]!)).not.toHaveProperty('advertise-address');
    expect(config).not.toHaveProperty('disable');
  });

  it('joins agents to the server over Tailscale, without the token in the file', () => {
    const grown = defineCluster({
      ...clusterInput,
      nodes: [
        ...clusterInput.nodes,
        { name: 'ultron-2', role: 'agent', cpu: '4', memory: '24Gi', tailscaleIP: '100.64.0.2' },
      ],
    });
    expect(k3sConfig(grown, grown.nodes[1]!)).toEqual({
      'node-name': 'ultron-2',
      server: 'https://100.64.0.1:6443',
      'node-ip': '100.64.0.2',
      'flannel-iface': 'tailscale0',
    });
    expect(k3sConfig(grown, grown.nodes[0]!)).toMatchObject({
      'node-ip': '100.64.0.1',
      'flannel-iface': 'tailscale0',
    });
    const files = renderSlice(bootstrap(grown), 'bootstrap').files;
    expect([...files.keys()].filter((f) => f.startsWith('bootstrap/k3s/'))).toEqual([
      'bootstrap/k3s/traefik-config.yaml',
      'bootstrap/k3s/ultron-2.config.yaml',
      'bootstrap/k3s/ultron.config.yaml',
    ]);
    expect(files.get(BOOTSTRAP_FILES.runbook)).toContain('K3S_TOKEN=<node-token> INSTALL_K3S_VERSION');
  });
});
