import { defineRule, describe } from '@ultron/platform';

/** Secret values never live in Git: a rendered Secret with data would publish them to every reader. */
export const noPlaintextSecrets = defineRule({
  id: 'no-plaintext-secrets',
  doc: 'No rendered Secret carries data or stringData; secrets are created out of band (`ultron secrets`).',
  check: (entries) =>
    entries.flatMap(({ manifest: m }) => {
      if (m.apiVersion !== 'v1' || m.kind !== 'Secret') return [];
      return (['data', 'stringData'] as const)
        .filter((field) => Object.keys((m[field] as Record<string, unknown> | undefined) ?? {}).length > 0)
        .map((field) => ({
          path: `${describe(m)}: ${field}`,
          message: 'holds secret values in Git',
          hint: 'drop the object and create the Secret out of band; `ultron secrets` prints the command',
        }));
    }),
});
