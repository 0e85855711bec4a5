import type { Cluster } from '../../cluster/schema.js';
import { appFile, FOLDERS } from '../../conventions/layout.js';
import { PLATFORM_PROJECT_FILE } from '../../conventions/reserved.js';
import type { Slice } from '../../render/slice.js';
import { Tree } from '../../render/tree.js';
import { toYaml } from '../../render/yaml.js';
import { clusterIssuers } from '../cert-manager/cluster-issuers.js';
import type { Component } from '../component.js';
import { helmReleases } from '../lookups.js';
import {
  PLATFORM_NAMESPACES_APP_FILE,
  PLATFORM_NAMESPACES_DIR,
  platformNamespaceFiles,
  platformNamespaceObjects,
  platformNamespacesApplication,
} from '../namespaces/render.js';
import { identityGuard } from '../projects/identity-guard.js';
import { identityProject } from '../projects/identity-project.js';
import { platformProject } from '../projects/platform-project.js';
import { COMPONENTS } from '../registry.js';
import { traefikConfig } from '../traefik/helm-chart-config.js';
import { BOOTSTRAP_FILES } from './files.js';
import { k3sConfigFile } from './k3s.js';
import { bootstrapPlan } from './plan.js';
import { rootApplication, rootProject } from './root-app.js';
import { runbook } from './runbook.js';

/**
 * The one-time layer under `bootstrap/`: k3s settings, the ordered Helm releases with their values, the
 * ClusterIssuers, the Traefik tuning, the root app, the plan the bootstrap command runs and the runbook.
 */
export function buildBootstrap(cluster: Cluster, registry: readonly Component[] = COMPONENTS): Tree {
  const plan = bootstrapPlan(cluster, registry);
  const tree = new Tree()
    .addFile(BOOTSTRAP_FILES.rootApp, [rootApplication(cluster)])
    .addFile(BOOTSTRAP_FILES.rootProject, [rootProject(cluster)])
    .addFile(appFile(PLATFORM_PROJECT_FILE), [platformProject(cluster, registry), identityProject(cluster)])
    .addFile(BOOTSTRAP_FILES.namespaces, platformNamespaceObjects(cluster, 'bootstrap', registry))
    .addFile(PLATFORM_NAMESPACES_APP_FILE, [platformNamespacesApplication(cluster)])
    .addFile(BOOTSTRAP_FILES.clusterIssuers, clusterIssuers(cluster))
    .addFile(BOOTSTRAP_FILES.traefikConfig, [traefikConfig(cluster)])
    .addText(BOOTSTRAP_FILES.plan, toYaml(plan))
    .addText(BOOTSTRAP_FILES.runbook, runbook(cluster, plan));
  for (const [file, objects] of platformNamespaceFiles(cluster, registry)) tree.addFile(file, objects);
  tree.addFile(`${PLATFORM_NAMESPACES_DIR}/identity-guard.yaml`, identityGuard());
  for (const node of cluster.nodes)
    tree.addText(BOOTSTRAP_FILES.k3sConfig(node), k3sConfigFile(cluster, node));
  helmReleases(cluster, registry).forEach((release, i) => {
    const { chart, repo, version } = release.chart;
    tree.addText(
      BOOTSTRAP_FILES.helmValues(i, release),
      `# ${chart} ${version} from ${repo}: release ${release.release} in namespace ${release.namespace}.\n${toYaml(release.values)}`,
    );
  });
  return tree;
}

export function bootstrap(cluster: Cluster): Slice {
  return {
    owns: [
      FOLDERS.bootstrap,
      appFile(PLATFORM_PROJECT_FILE),
      PLATFORM_NAMESPACES_APP_FILE,
      PLATFORM_NAMESPACES_DIR,
    ],
    build: () => buildBootstrap(cluster),
  };
}
