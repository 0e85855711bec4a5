import type { Problem } from '../errors/problem.js';
import { applications, syncedBy } from '../inspect/applications.js';
import { field } from '../inspect/json.js';
import { groupOf, namespaceOf, ofKind } from '../inspect/objects.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

type GroupKind = { group?: string; kind?: string };

interface Project {
  sourceRepos: string[];
  destinations: { namespace?: string }[];
  clusterResourceWhitelist: GroupKind[];
  /** When set, the only namespaced kinds the project may sync. */
  namespaceResourceWhitelist?: GroupKind[];
  namespaceResourceBlacklist: GroupKind[];
}

const listed = (list: GroupKind[], group: string, kind: string) =>
  list.some((w) => (w.group === '*' || w.group === group) && (w.kind === '*' || w.kind === kind));

const allows = (patterns: string[], value: string) => patterns.some((p) => p === '*' || p === value);

export default defineRule({
  id: 'projects-contain-apps',
  doc: 'Every Application belongs to a rendered AppProject that allows its repository and namespace, and everything it syncs stays inside that project’s namespaces and cluster-scoped allow-list.',
  scope: 'tree',
  check(entries) {
    const projects = new Map<string, Project>();
    for (const { manifest: p } of ofKind(entries, 'AppProject')) {
      projects.set(p.metadata.name ?? '', {
        sourceRepos: (field(p, 'spec', 'sourceRepos') as string[]) ?? [],
        destinations: (field(p, 'spec', 'destinations') as { namespace?: string }[]) ?? [],
        clusterResourceWhitelist: (field(p, 'spec', 'clusterResourceWhitelist') as GroupKind[]) ?? [],
        namespaceResourceWhitelist: field(p, 'spec', 'namespaceResourceWhitelist') as GroupKind[] | undefined,
        namespaceResourceBlacklist: (field(p, 'spec', 'namespaceResourceBlacklist') as GroupKind[]) ?? [],
      });
    }
    const problems: Problem[] = [];
    for (const a of applications(entries)) {
      const project = projects.get(a.project);
      const where = describe(a.app);
      if (!project) {
        problems.push({
          path: `${where}: spec.project`,
          message: `AppProject "${a.project}" is not rendered`,
        });
        continue;
      }
      const namespaces = project.destinations.map((d) => d.namespace ?? '');
      for (const repo of a.repoURLs) {
        if (!allows(project.sourceRepos, repo)) {
          problems.push({
            path: `${where}: source`,
            message: `repository ${repo} is not in project ${a.project}'s sourceRepos`,
          });
        }
      }
      if (!allows(namespaces, a.namespace)) {
        problems.push({
          path: `${where}: spec.destination`,
          message: `namespace ${a.namespace} is outside project ${a.project}`,
        });
      }
      for (const e of syncedBy(a, entries)) {
        const ns = namespaceOf(e.manifest);
        const group = groupOf(e.manifest.apiVersion);
        const kindAllowed =
          (!project.namespaceResourceWhitelist ||
            listed(project.namespaceResourceWhitelist, group, e.manifest.kind)) &&
          !listed(project.namespaceResourceBlacklist, group, e.manifest.kind);
        if (ns && !kindAllowed) {
          problems.push({
            path: describe(e.manifest),
            message: `is a kind project ${a.project} does not allow`,
          });
        }
        if (ns && !allows(namespaces, ns)) {
          problems.push({
            path: `${describe(e.manifest)}`,
            message: `is synced by ${a.name} into ${ns}, outside project ${a.project} (${namespaces.join(', ')})`,
          });
        }
        if (!ns) {
          if (!listed(project.clusterResourceWhitelist, group, e.manifest.kind)) {
            problems.push({
              path: describe(e.manifest),
              message: `is cluster-scoped, and project ${a.project} does not allow ${e.manifest.kind}`,
            });
          }
        }
      }
    }
    return problems;
  },
});
