import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'no-secret-values',
  doc: 'No Secret is ever rendered: secret values live out of band (or in an operator), Git only holds references.',
  check(entries) {
    return entries
      .filter((e) => e.manifest.kind === 'Secret' || 'stringData' in e.manifest)
      .map((e) => ({
        path: describe(e.manifest),
        message: 'a Secret (or secret data) would be committed to Git',
        hint: 'reference a Secret created out of band; `ultron secrets` lists them',
      }));
  },
});
