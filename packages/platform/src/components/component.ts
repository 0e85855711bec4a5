import type { ValuesPolicy } from '../catalog/chart-values.js';
import type { GitManifestsPin, HelmChartPin } from '../catalog/versions.js';
import type { Cluster } from '../cluster/schema.js';
import type { NamespacePolicy } from './namespaces/policy.js';

/**
 * A Service an operator creates at run time for a custom resource in the tree (so it is not in the
 * rendered tree): rules that match monitors and network peers against Services need to see it.
 */
export interface OperatorService {
  /** The custom resource it is created for: the API group of its `apiVersion`, and its kind. */
  group: string;
  kind: string;
  /** The Service's name and labels, from the custom resource's name. */
  name: (instance: string) => string;
  labels: (instance: string) => Record<string, string>;
  ports: readonly { name: string; port: number }[];
}

/** One release of the one-time Helm bootstrap. */
export interface HelmRelease {
  release: string;
  namespace: string;
  chart: HelmChartPin;
  values: Record<string, unknown>;
  /** How long `helm --wait` may take (arm64 image pulls on a fresh node are slow). */
  timeout: string;
  /** Why the release sits at this point of the order; printed in the runbook. */
  why: string;
  policy: ValuesPolicy;
}

/** A `kubectl apply` of rendered `bootstrap/` files the bootstrap runs right after the component is installed. */
export interface BootstrapApply {
  id: string;
  title: string;
  why: string;
  /** Tree paths (see bootstrap/files.ts). */
  files: readonly string[];
}

/** A chart Argo CD installs: the pin, the release name and the kit's values. */
export interface ComponentChart {
  pin: HelmChartPin;
  releaseName: string;
  values: (cluster: Cluster) => Record<string, unknown>;
  /** What the values key check may not find in the chart's defaults (see catalog/chart-values.ts). */
  policy: ValuesPolicy;
}

interface ComponentBase {
  /** Its Application or Helm release name; reserved, so no app can take it. */
  name: string;
  namespace: string;
  /** API groups whose CRDs it installs. */
  crdGroups: readonly string[];
  services: readonly OperatorService[];
  /**
   * The namespace it leads (Pod Security level, network allows), rendered for it by `namespaces/`. A
   * component sharing another's namespace (the Barman Cloud plugin beside the CNPG operator) has none.
   */
  namespacePolicy?: NamespacePolicy;
  bootstrapApplies?: readonly BootstrapApply[];
}

/** Synced by Argo CD from `apps/<name>.yaml` (its workspace in `apps/<name>/` renders that file). */
export interface ArgoCdComponent extends ComponentBase {
  install: 'argocd';
  wave: number;
  /** Repositories its Applications pull from besides the gitops repository (the platform AppProject's sourceRepos). */
  repositories: readonly string[];
  /** Namespaces its Applications write to besides its own (the platform AppProject's destinations). */
  alsoWritesTo?: (cluster: Cluster) => readonly string[];
  /** Cluster-scoped kinds it creates beyond CRDs, RBAC and webhooks (the platform AppProject allows them). */
  clusterKinds?: readonly { group: string; kind: string }[];
  chart?: ComponentChart;
  manifests?: GitManifestsPin;
}

/** Installed once by `ultron-bootstrap` with Helm, before Argo CD runs (Argo CD itself and what it needs). */
export interface HelmBootstrapComponent extends ComponentBase {
  install: 'helm-bootstrap';
  release: (cluster: Cluster) => HelmRelease;
}

/** Installed by k3s itself; the bootstrap only tunes it (its values are sized here, so the budget counts them). */
export interface K3sBundledComponent extends ComponentBase {
  install: 'k3s';
  values: (cluster: Cluster) => Record<string, unknown>;
}

export type Component = ArgoCdComponent | HelmBootstrapComponent | K3sBundledComponent;

/** An Argo CD component that is just an upstream chart. */
export type ChartComponent = ArgoCdComponent & { chart: ComponentChart };
