// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell scripts and Keycloak placeholders are data here
import { describe, expect, it } from 'vitest';
import { secretsOnArgv } from '../../src/rules/no-secrets-on-argv.js';
import { entry } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('no-secrets-on-argv');

const leaks = (script: string) => secretsOnArgv(script).map((l) => `${l.line}: ${l.what}`);

describe('secretsOnArgv', () => {
  it('flags a secret variable or a secret option on an external command', () => {
    expect(
      leaks(
        [
          '#!/bin/bash',
          'kcadm.sh config credentials --server "$URL" --user admin --password "$KC_ADMIN_PASSWORD"',
          'kcadm.sh update clients/x -s "secret=$KC_API_CLIENT_SECRET"',
          'curl -H "Authorization: Bearer ${TOKEN}" https://x',
          'mysql -p"$DB_PASS" --password=hunter2',
        ].join('\n'),
      ),
    ).toEqual([
      '2: --password',
      '2: $KC_ADMIN_PASSWORD',
      '3: $KC_API_CLIENT_SECRET',
      '4: $TOKEN',
      '5: --password',
    ]);
  });

  it('follows a secret through an assignment to the variable that carries it', () => {
    expect(leaks('s=${KC_API_CLIENT_SECRET//x/y}\nt="$s"\nkcadm.sh update c -s "secret=$t"')).toEqual([
      '3: $t',
    ]);
  });

  it('allows the environment, stdin (here-strings, heredocs) and builtins', () => {
    const script = [
      ': "${KC_CLI_CLIENT_SECRET:?}"',
      'export KC_CLI_CLIENT_SECRET',
      'secret=${KC_API_CLIENT_SECRET//\\\\/\\\\\\\\}',
      'if [[ -n ${KC_API_CLIENT_SECRET:-} ]]; then',
      '  kcadm.sh update "clients/$uuid" -f - <<<"{\\"secret\\":\\"$secret\\"}" >/dev/null',
      'fi',
      'printf \'password=%s\\n\' "$ULTRON_GITOPS_TOKEN" > "$tmp"',
      'cat > "$tmp" <<EOF',
      'ACCESS_SECRET_KEY=$ACCESS_SECRET_KEY',
      'EOF',
      '# kcadm.sh --password "$PASSWORD" only in a comment',
    ].join('\n');
    expect(leaks(script)).toEqual([]);
  });
});

describe('no-secrets-on-argv', () => {
  itChecksFixtures(r);
  it('checks ConfigMap scripts and container command lines', () => {
    const configMap = entry('x.yaml', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'sync', namespace: 'keycloak' },
      data: {
        'run.sh': '#!/bin/bash\nkcadm.sh config credentials --secret "$SYNC_SECRET"\n',
        'x.json': '{}',
      },
    });
    const job = entry('x.yaml', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j', namespace: 'app' },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'c',
                command: ['tool', '--key=$(API)'],
                env: [{ name: 'API', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
              },
            ],
          },
        },
      },
    });
    expect(run(r, [configMap, job])).toEqual([
      'ConfigMap keycloak/sync: data.run.sh line 2: passes --secret on a command line: kcadm.sh config credentials --secret "$SYNC_SECRET" [no-secrets-on-argv]',
      'ConfigMap keycloak/sync: data.run.sh line 2: passes $SYNC_SECRET on a command line: kcadm.sh config credentials --secret "$SYNC_SECRET" [no-secrets-on-argv]',
      'Job app/j: spec.template.spec.containers[0]: expands $(API) into its command line [no-secrets-on-argv]',
    ]);
  });
});
