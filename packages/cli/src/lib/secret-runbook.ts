import { secretFromEnvFile } from '@ultron/platform';
import type { SecretNeed } from '@ultron/platform/core';

/** What goes into each S3 credential key, in Oracle's words. Swapped keys make backups fail silently. */
export const ORACLE_GOTCHA =
  'Oracle Customer Secret Key: the access key is the plain hex string, the secret key is the one containing + / = (shown once, at creation). Swapped, backups fail silently.';

/** Notes an operator needs before creating this secret. */
export function notes(need: SecretNeed): string[] {
  const out: string[] = [];
  const roles = Object.entries(need.roles);
  if (roles.length) {
    const by = (role: string) =>
      roles
        .filter(([, r]) => r === role)
        .map(([k]) => k)
        .join(', ');
    out.push(
      `${ORACLE_GOTCHA} Here: ${by('accessKeyId')} = access key, ${by('secretAccessKey')} = secret key.`,
    );
  }
  if (need.keys.length === 0)
    out.push('Read whole: put every KEY=value line the consumer expects in the file.');
  if (need.optional) out.push('Optional: every reader tolerates its absence.');
  return out;
}

/**
 * The shell commands that create the secret from a temporary env file (then delete it), so values never
 * reach Git or the shell history. Values the tree already knows are prefilled.
 */
export function createCommand(need: SecretNeed): string {
  if (need.type === 'docker-registry') {
    return [
      'umask 077 && tmp=$(mktemp)',
      `\${EDITOR:-vi} "$tmp"   # paste a token that can read the packages (GitHub: read:packages), nothing else`,
      `kubectl -n ${need.namespace} create secret docker-registry ${need.name} --docker-server=${need.known.server ?? 'ghcr.io'} --docker-username=<user> --docker-password="$(cat "$tmp")"`,
      'rm -f "$tmp"',
    ].join('\n');
  }
  const label = Object.entries(need.labels).map(([k, v]) => `${k}=${v}`);
  const extra = label.length
    ? [`kubectl -n ${need.namespace} label secret ${need.name} ${label.join(' ')}`]
    : [];
  let command = secretFromEnvFile(need.name, need.namespace, need.keys, extra);
  // secretFromEnvFile writes `KEY=<KEY>` placeholders; fill in the values that are not secret.
  for (const [key, value] of Object.entries(need.known))
    command = command.replace(`\n${key}=<${key}>\n`, `\n${key}=${value}\n`);
  return command;
}
