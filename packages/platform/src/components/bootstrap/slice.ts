import type { Cluster } from '../../cluster/schema.js';
import { appFile, FOLDERS } from '../../conventions/layout.js';
import { PLATFORM_PROJECT_FILE } from '../../conventions/reserved.js';
import type { Slice } from '../../render/slice.js';
import { Tree } from '../../render/tree.js';
import { toYaml } from '../../render/yaml.js';
import { identityGuard } from '../identity-guard.js';
import { identityProject } from '../identity-project.js';
import {
  PLATFORM_NAMESPACES_APP_FILE,
  PLATFORM_NAMESPACES_DIR,
  platformNamespaceFiles,
  platformNamespaceObjects,
  platformNamespacesApplication,
} from '../namespaces.js';
import { platformProject, rootApplication, rootProject } from '../root-app.js';
import { clusterIssuers } from './cluster-issuers.js';
import { BOOTSTRAP_FILES } from './files.js';
import { k3sConfigFile } from './k3s.js';
import { bootstrapPlan } from './plan.js';
import { helmReleases } from './releases.js';
import { runbook } from './runbook.js';
import { traefikConfig } from './traefik.js';

/**
 * The one-time layer under `bootstrap/`: k3s settings, the ordered Helm releases with their values, the
 * ClusterIssuers, the Traefik tuning, the root app, the plan the bootstrap command runs and the runbook.
 */
export function buildBootstrap(cluster: Cluster): Tree {
  const plan = bootstrapPlan(cluster);
  const tree = new Tree()
    .addFile(BOOTSTRAP_FILES.rootApp, [rootApplication(cluster)])
    .addFile(BOOTSTRAP_FILES.rootProject, [rootProject(cluster)])
    .addFile(appFile(PLATFORM_PROJECT_FILE), [platformProject(cluster), identityProject(cluster)])
    .addFile(BOOTSTRAP_FILES.namespaces, platformNamespaceObjects(cluster, 'bootstrap'))
    .addFile(PLATFORM_NAMESPACES_APP_FILE, [platformNamespacesApplication(cluster)])
    .addFile(BOOTSTRAP_FILES.clusterIssuers, clusterIssuers(cluster))
    .addFile(BOOTSTRAP_FILES.traefikConfig, [traefikConfig(cluster)])
    .addText(BOOTSTRAP_FILES.plan, toYaml(plan))
    .addText(BOOTSTRAP_FILES.runbook, runbook(cluster, plan));
  for (const [file, objects] of platformNamespaceFiles(cluster)) tree.addFile(file, objects);
  tree.addFile(`${PLATFORM_NAMESPACES_DIR}/identity-guard.yaml`, identityGuard());
  for (const node of cluster.nodes)
    tree.addText(BOOTSTRAP_FILES.k3sConfig(node), k3sConfigFile(cluster, node));
  helmReleases(cluster).forEach((release, i) => {
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
