import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/** Secret values never live in Git: a rendered Secret with data would publish them to every reader. */
export default defineRule({
  id: 'no-plaintext-secrets',
  doc: 'No Secret is rendered, let alone one with data: secrets are created out of band (`ultron secrets`), Git only holds references.',
  scope: 'object',
  checkObject: ({ manifest: m }) => {
    if (m.apiVersion !== 'v1' || m.kind !== 'Secret') return [];
    const hint = 'drop the object and create the Secret out of band; `ultron secrets` prints the command';
    const withValues = (['data', 'stringData'] as const).filter(
      (field) => Object.keys((m[field] as Record<string, unknown> | undefined) ?? {}).length > 0,
    );
    // Even an empty Secret in Git invites its values to follow, and Argo CD would prune the real one.
    if (withValues.length === 0)
      return [{ path: describe(m), message: 'is a Secret rendered into Git', hint }];
    return withValues.map((field) => ({
      path: `${describe(m)}: ${field}`,
      message: 'holds secret values in Git',
      hint,
    }));
  },
});
