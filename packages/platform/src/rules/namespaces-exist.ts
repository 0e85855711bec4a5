import { PLATFORM_NAMESPACES } from '../conventions/names.js';
import { applications } from '../inspect/applications.js';
import { namespaceOf } from '../inspect/objects.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/** Created before Argo CD runs: by k3s itself or by the Helm bootstrap. */
const PRE_EXISTING = [
  PLATFORM_NAMESPACES.kubeSystem,
  PLATFORM_NAMESPACES.argocd,
  PLATFORM_NAMESPACES.monitoring,
  PLATFORM_NAMESPACES.certManager,
];

export default defineRule({
  id: 'namespaces-exist',
  doc: 'Every namespaced object lands in a namespace that exists: rendered, created by its Application, or made by the bootstrap.',
  scope: 'tree',
  check(entries) {
    const known = new Set<string>(PRE_EXISTING);
    for (const e of entries) if (e.manifest.kind === 'Namespace') known.add(e.manifest.metadata.name ?? '');
    for (const a of applications(entries))
      if (a.syncOptions.includes('CreateNamespace=true')) known.add(a.namespace);
    return entries
      .filter((e) => namespaceOf(e.manifest) && !known.has(namespaceOf(e.manifest)))
      .map((e) => ({
        path: `${describe(e.manifest)}: metadata.namespace`,
        message: `namespace ${namespaceOf(e.manifest)} is never created`,
        hint: 'render its Namespace, or set CreateNamespace=true on the Application that syncs it',
      }));
  },
});
