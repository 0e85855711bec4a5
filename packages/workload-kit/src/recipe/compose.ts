import {
  appFile,
  appNames,
  type Cluster,
  externalSecretsFor,
  type Manifest,
  plainViews,
  Tree,
  workloadDir,
} from '@ultron/platform/core';
import type {
  Capability,
  Contributions,
  MergedContributions,
  OwnFolder,
  RenderContext,
  Rendered,
} from '../capabilities/capability.js';
import type { Workload } from '../definition/schema.js';
import { project, workloadApplication } from './argocd.js';
import { namespace } from './namespace.js';

/** Every capability's contributions, lists concatenated and maps merged in registry order. */
export function mergeContributions(list: readonly Contributions[]): MergedContributions {
  const merged: MergedContributions = {
    env: [],
    servingEnv: [],
    podLabels: {},
    volumes: [],
    namespaceLabels: {},
    egress: [],
    alerts: [],
    ignoreDifferences: [],
    secrets: [],
    budget: [],
    backups: [],
  };
  for (const c of list) {
    merged.env.push(...(c.env ?? []));
    merged.servingEnv.push(...(c.servingEnv ?? []));
    Object.assign(merged.podLabels, c.podLabels);
    merged.volumes.push(...(c.volumes ?? []));
    Object.assign(merged.namespaceLabels, c.namespaceLabels);
    merged.egress.push(...(c.egress ?? []));
    merged.alerts.push(...(c.alerts ?? []));
    merged.ignoreDifferences.push(...(c.ignoreDifferences ?? []));
    merged.secrets.push(...(c.secrets ?? []));
    merged.budget.push(...(c.budget ?? []));
    merged.backups.push(...(c.backups ?? []));
  }
  return merged;
}

/** The definition with the cluster-wide defaults it left open. */
function withClusterDefaults(cluster: Cluster, parsed: Workload): Workload {
  return { ...parsed, imagePullSecret: parsed.imagePullSecret ?? cluster.imagePullSecret ?? false };
}

/** The capabilities a definition turns on, with what they contribute to each other. */
export function contributionsOf(
  cluster: Cluster,
  parsed: Workload,
  registry: readonly Capability[],
): { ctx: RenderContext; active: Capability[]; merged: MergedContributions } {
  const ctx = { cluster, w: withClusterDefaults(cluster, parsed) };
  const active = registry.filter((c) => c.enabled?.(ctx.w) ?? true);
  return { ctx, active, merged: mergeContributions(active.map((c) => c.contributes?.(ctx) ?? {})) };
}

/**
 * Everything one app renders, in memory: each capability renders with what all contributed; the recipe
 * only places the results. The app's folder holds the capabilities' objects; a capability's own folder
 * has its own Application (in registry order, before the app's). The Namespace, the Secrets generated in
 * it and the ExternalSecrets for the Secrets its objects read go with the first Application to sync into
 * the namespace: a capability folder there, else the app's own.
 */
export function composeWorkload(cluster: Cluster, parsed: Workload, registry: readonly Capability[]): Tree {
  const { ctx, active, merged } = contributionsOf(cluster, parsed, registry);
  const { w } = ctx;
  const appNamespace = appNames(w.name).namespace;
  const rendered: Rendered[] = active.map((c) => c.render?.(ctx, merged) ?? {});
  const folders = rendered.flatMap((r): OwnFolder[] => (r.folder ? [r.folder] : []));
  const appObjects = rendered.flatMap((r) => r.objects ?? []);
  const ns = namespace(w, merged.namespaceLabels);
  const inNamespace = folders.filter((f) => f.namespace === appNamespace);
  const first = inNamespace[0];
  const all: Manifest[] = [ns, ...folders.flatMap((f) => f.objects), ...appObjects];
  // The secrets analysis reads every object once per folder: one plain copy each is enough.
  const plainOf = plainViews();
  const namespaceSecrets = [
    ...rendered.flatMap((r) => r.namespaceFirst ?? []),
    ...externalSecretsFor(
      cluster,
      [ns, ...inNamespace.flatMap((f) => f.objects), ...appObjects],
      all,
      plainOf,
    ),
  ];
  const tree = new Tree().addFile(appFile(w.name), [
    project(cluster, w),
    ...folders.map((f) => f.application),
    workloadApplication(cluster, w, { createNamespace: !first, ignoreDifferences: merged.ignoreDifferences }),
  ]);
  for (const folder of folders) {
    const extra =
      folder === first
        ? [ns, ...namespaceSecrets]
        : folder.namespace === appNamespace
          ? []
          : externalSecretsFor(cluster, folder.objects, all, plainOf);
    tree.addObjects(folder.dir, [...folder.objects, ...extra]);
  }
  const dir = workloadDir(w.name);
  for (const r of rendered)
    for (const [file, text] of Object.entries(r.files ?? {})) tree.addText(`${dir}/${file}`, text);
  return tree.addObjects(dir, first ? appObjects : [ns, ...appObjects, ...namespaceSecrets]);
}
