import type { Cluster } from '../cluster/schema.js';
import { FOLDERS, ROOT_APP_FILE } from '../conventions/layout.js';
import type { Slice } from '../render/slice.js';
import { Tree } from '../render/tree.js';
import { platformProject, rootApplication } from './root-app.js';

/** The one-time layer: the root Application (and, with the platform issue, the Helm plan and runbook). */
export function bootstrap(cluster: Cluster): Slice {
  return {
    owns: [FOLDERS.bootstrap],
    build: () =>
      new Tree()
        .addFile(ROOT_APP_FILE, [rootApplication(cluster)])
        .addFile(`${FOLDERS.apps}/platform-project.yaml`, [platformProject(cluster)]),
  };
}
