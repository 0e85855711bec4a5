import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applicationSources,
  BOOTSTRAP_FILES,
  bootstrapPlanSchema,
  containersOf,
  describe,
  field,
  groupKind,
  obj,
  type PlainManifest,
  type PodSpecLike,
  podTemplates,
  TREE_DIR,
  type TreeEntry,
} from '@ultron/platform';
import { CORE_SCHEMA, load } from 'js-yaml';
import { type Amount, add, amountOf, max, quantity, times, ZERO } from './quantities.ts';

/**
 * The Helm values and the bootstrap plan this reads are YAML the render wrote. js-yaml with the YAML 1.2
 * core schema reads them as the `yaml` package does, several times faster (the assemble step of every
 * build reads the platform's large values files).
 */
function parse(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}

/** Something that holds CPU and memory on the node while it runs. */
export interface Consumer {
  namespace: string;
  /** `Rollout penvoice/penvoice`, `Helm values argocd: server`… */
  what: string;
  replicas: number;
  /** Per replica. */
  requests: Amount;
  limits: Amount;
  /** Containers without a CPU/memory request: the scheduler counts them as zero. */
  unbounded: string[];
  /**
   * `steady`: runs all the time. `transient`: runs during a sync or rollout only (migrations Jobs, the extra
   * canary pods of a Rollout), so it needs headroom, not a permanent share.
   */
  lifetime: 'steady' | 'transient';
}

/**
 * What a pod asks for: its containers' sum, or its largest init container if larger (they run first,
 * alone), as the scheduler computes it.
 */
function podAmount(spec: PodSpecLike, field: 'requests' | 'limits'): Amount {
  const sum = (spec.containers ?? []).reduce((a, c) => add(a, amountOf(c.resources?.[field])), ZERO);
  return (spec.initContainers ?? []).reduce((a, c) => max(a, amountOf(c.resources?.[field])), sum);
}

/** The extra pods a Rollout runs while a canary is in progress. */
function rolloutSurge(m: PlainManifest, replicas: number): number {
  const canary = obj(field(m, 'spec', 'strategy', 'canary'));
  if (!canary) return 0;
  if (canary.trafficRouting) {
    // With traffic routing the stable set stays whole while the canary scales up to the last weight.
    const weights = (Array.isArray(canary.steps) ? canary.steps : []).map((s) =>
      Number(obj(s)?.setWeight ?? 0),
    );
    return Math.ceil((replicas * Math.max(0, ...weights)) / 100);
  }
  const surge = canary.maxSurge ?? '25%';
  return typeof surge === 'number' ? surge : Math.ceil((replicas * Number.parseFloat(String(surge))) / 100);
}

function podConsumers(m: PlainManifest, ns: string): Consumer[] {
  return podTemplates(m).flatMap(({ spec, replicas, transient }) => {
    const base = {
      namespace: ns,
      what: describe(m),
      requests: podAmount(spec, 'requests'),
      limits: podAmount(spec, 'limits'),
      unbounded: containersOf(spec)
        .filter(({ container: c }) => !c.resources?.requests?.cpu || !c.resources?.requests?.memory)
        .map(({ container: c }) => `${describe(m)} container ${c.name}`),
    };
    const out: Consumer[] = [{ ...base, replicas, lifetime: transient ? 'transient' : 'steady' }];
    const surge = m.kind === 'Rollout' ? rolloutSurge(m, replicas) : 0;
    if (surge > 0)
      out.push({
        ...base,
        what: `${describe(m)} canary surge`,
        replicas: surge,
        unbounded: [],
        lifetime: 'transient',
      });
    return out;
  });
}

/** Operators run one pod per instance with the CR's `resources` (CNPG Cluster, Keycloak). */
function instanceConsumer(m: PlainManifest, ns: string): Consumer[] {
  const spec = obj(m.spec);
  const resources = obj(spec?.resources);
  return [
    {
      namespace: ns,
      what: describe(m),
      replicas: typeof spec?.instances === 'number' ? spec.instances : 1,
      requests: amountOf(obj(resources?.requests)),
      limits: amountOf(obj(resources?.limits)),
      unbounded: obj(resources?.requests) ? [] : [describe(m)],
      lifetime: 'steady',
    },
  ];
}

/**
 * Components sized in Helm values: every `resources` block with requests or limits, times a sibling
 * `replicas`/`replicaCount`, skipping blocks under `enabled: false`.
 */
export function valuesConsumers(values: unknown, namespace: string, label: string): Consumer[] {
  const out: Consumer[] = [];
  const walk = (node: unknown, path: string[]) => {
    const record = obj(node);
    if (!record || record.enabled === false) return;
    const resources = obj(record.resources);
    if (resources && (resources.requests || resources.limits)) {
      const replicas = quantity(record.replicas ?? record.replicaCount) || 1;
      out.push({
        namespace,
        what: `${label}${path.length ? `: ${path.join('.')}` : ''}`,
        replicas,
        requests: amountOf(obj(resources.requests)),
        limits: amountOf(obj(resources.limits)),
        unbounded: [],
        lifetime: 'steady',
      });
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'resources') walk(value, [...path, key]);
  };
  walk(values, []);
  return out;
}

function helmConsumers(m: PlainManifest): Consumer[] {
  const spec = obj(m.spec);
  if (m.kind === 'Application') {
    const ns = String(obj(spec?.destination)?.namespace ?? '');
    return applicationSources(m).flatMap((s) => {
      const values = obj(field(s, 'helm', 'valuesObject'));
      return values ? valuesConsumers(values, ns, `${describe(m)} Helm values`) : [];
    });
  }
  // k3s's HelmChartConfig carries its values as a YAML string (Traefik's tuning).
  const content = spec?.valuesContent;
  return typeof content === 'string'
    ? valuesConsumers(parse(content), m.metadata.namespace ?? 'kube-system', `${describe(m)} values`)
    : [];
}

/** Reads a tree file by its path relative to the tree's root; undefined when it is not there. */
export type TreeReader = (path: string) => string | undefined;

/** Reads the tree on disk under `treeDir`. */
export function diskReader(treeDir: string): TreeReader {
  return (path) => {
    const file = join(treeDir, ...path.split('/'));
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}

/** The Helm bootstrap's releases: values files from the plan, each installed into its namespace. */
export function bootstrapConsumers(read: TreeReader): Consumer[] {
  const planText = read(BOOTSTRAP_FILES.plan);
  if (planText === undefined) return [];
  const plan = bootstrapPlanSchema.parse(parse(planText));
  return plan.steps.flatMap((step) => {
    if (step.command !== 'helm') return [];
    const arg = (flag: string) => step.args[step.args.indexOf(flag) + 1];
    const valuesPath = arg('--values');
    const namespace = arg('--namespace');
    if (!valuesPath || !namespace) return [];
    // The plan names files from the repo root (`gitops/…`); read them from the tree being checked.
    const values = read(valuesPath.replace(new RegExp(`^${TREE_DIR}/`), ''));
    if (values === undefined) return [];
    return valuesConsumers(parse(values), namespace, `Helm release ${step.id}`);
  });
}

const BY_KIND: Record<string, (m: PlainManifest, ns: string) => Consumer[]> = {
  'postgresql.cnpg.io/Cluster': instanceConsumer,
  'k8s.keycloak.org/Keycloak': instanceConsumer,
  'argoproj.io/Application': (m) => helmConsumers(m),
  'helm.cattle.io/HelmChartConfig': (m) => helmConsumers(m),
};

/** Everything in the rendered tree (and the Helm bootstrap) that will hold CPU and memory on the node. */
export function consumers(objects: readonly TreeEntry[], read: TreeReader): Consumer[] {
  const fromObjects = objects.flatMap(({ manifest: m }) => {
    const ns = m.metadata.namespace ?? '';
    return [...podConsumers(m, ns), ...(BY_KIND[groupKind(m)]?.(m, ns) ?? [])];
  });
  return [...fromObjects, ...bootstrapConsumers(read)];
}

/** Requests and limits of all replicas. */
export const total = (c: Consumer, field: 'requests' | 'limits'): Amount => times(c[field], c.replicas);
