import { describe, expect, it } from 'vitest';
import { commitAll, copyRepo, read, run, ultron, write } from './helpers.ts';

interface Out {
  changes: { action: string; what: string }[];
  liveDryRun: string;
}

describe('ultron realm diff', { timeout: 60_000 }, () => {
  it('names what the next sync deletes before it is pushed, and how to dry-run it live', async () => {
    const root = copyRepo();
    const file = 'workloads/penvoice/workload.ts';
    const define = (redirects: string, roles: string) =>
      read(root, file)
        .replace("redirectUris: ['https://penvoice.app/auth/callback']", `redirectUris: [${redirects}]`)
        .replace(
          "webOrigins: ['https://penvoice.app'] },",
          `webOrigins: ['https://penvoice.app'] },\n    roles: [${roles}],`,
        );
    const original = read(root, file);
    write(
      root,
      file,
      define("'https://penvoice.app/auth/callback', 'https://old.penvoice.app/cb'", "'viewer', 'billing'"),
    );
    const rendered = await run(
      'node_modules/.bin/ultron-render',
      ['workload.ts'],
      `${root}/workloads/penvoice`,
    );
    expect(rendered.code, rendered.stderr).toBe(0);
    // The render stages the slice; the assemble step checks the whole tree and writes it.
    const assembled = await ultron(root, ['assemble']);
    expect(assembled.code, assembled.stdout).toBe(0);
    await commitAll(root, 'base');

    // Drop one redirect URI and one role from the definition.
    write(root, file, original);
    write(root, file, define("'https://penvoice.app/auth/callback'", "'viewer', 'editor'"));
    const result = await ultron(root, ['realm', 'diff', 'penvoice', '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as Out;
    expect(out.changes).toEqual([
      { action: 'delete', what: 'role billing' },
      { action: 'create', what: 'role editor' },
      { action: 'remove', what: 'https://old.penvoice.app/cb from redirectUris of client penvoice-spa' },
    ]);
    expect(out.liveDryRun).toMatch(
      /^kubectl -n keycloak run penvoice-realm-plan --rm -i .*"DRY_RUN","value":"true"/,
    );
    expect(out.liveDryRun).toContain('"ultron.io/realm-sync":"true"');

    const human = await ultron(root, ['realm', 'diff', 'penvoice']);
    expect(human.stdout).toContain('will delete role billing');
    expect(human.stdout).toContain('2 deletions on the next sync');
  });

  it('refuses an app that does not exist', async () => {
    const root = copyRepo();
    const result = await ultron(root, ['realm', 'diff', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no app "nope"');
  });
});
