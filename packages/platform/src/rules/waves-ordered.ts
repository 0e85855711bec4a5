import { crdProviders } from '../components/lookups.js';
import type { Problem } from '../errors/problem.js';
import { applications, syncedBy } from '../inspect/applications.js';
import { groupOf } from '../inspect/objects.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/** API groups whose CRDs an Application installs, by Application name (from the component registry). */
export const CRD_PROVIDERS: Record<string, string> = crdProviders();

export default defineRule({
  id: 'waves-ordered',
  doc: 'An Application syncing custom resources comes in a later sync wave than the Application installing their CRDs.',
  scope: 'tree',
  check(entries) {
    const apps = applications(entries);
    const byName = new Map(apps.map((a) => [a.name, a]));
    const problems: Problem[] = [];
    for (const a of apps) {
      const groups = new Set(syncedBy(a, entries).map((e) => groupOf(e.manifest.apiVersion)));
      for (const group of groups) {
        const providerName = CRD_PROVIDERS[group];
        if (!providerName || providerName === a.name) continue;
        const provider = byName.get(providerName);
        if (!provider) {
          problems.push({
            path: describe(a.app),
            message: `syncs ${group} resources, but no ${providerName} Application is rendered`,
          });
        } else if (provider.wave >= a.wave) {
          problems.push({
            path: `${describe(a.app)}: sync-wave`,
            message: `wave ${a.wave} does not come after ${providerName} (wave ${provider.wave}), which installs ${group}`,
            hint: 'give the operator a lower sync wave than anything using its CRDs',
          });
        }
      }
    }
    return problems;
  },
});
