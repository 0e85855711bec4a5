import type { Problem } from '../errors/problem.js';
import { containersOf, podTemplates } from '../inspect/pods.js';
import { describe } from '../render/manifest.js';
import { defineRule } from './rule.js';

/** Variable names that hold secrets by convention. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE_KEY|API_KEY)/i;
/** Options whose value is a secret, whatever follows them. */
const SECRET_OPTION =
  /(^|\s)(--password|--secret|--client-secret|--storepass|--keypass|--trustpass|--token)(=|\s|$)/;
/** Shell builtins: their arguments never become a process's argv (visible in /proc and `ps`). */
const BUILTINS = new Set([
  ':',
  '[[',
  '[',
  'test',
  'echo',
  'printf',
  'local',
  'export',
  'readonly',
  'declare',
]);
/** Words that start a compound command before the real command word. */
const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'while', 'until', 'do', '!', 'time', '{']);

export interface ArgvLeak {
  /** 1-based line in the script. */
  line: number;
  /** The secret variable expanded as an argument, or the secret option used. */
  what: string;
  text: string;
}

/** The simple command around `index`: from the last command separator before it. */
function commandAt(line: string, index: number): string {
  const before = line.slice(0, index);
  const cuts = [';', '&&', '||', '|', '$(', '`', '(']
    .map((sep) => before.lastIndexOf(sep) + (before.lastIndexOf(sep) >= 0 ? sep.length : 0))
    .filter((i) => i > 0);
  return line.slice(cuts.length ? Math.max(...cuts) : 0);
}

/** The command word of a simple command, past keywords and `NAME=value` prefixes; `=` when it is a bare assignment. */
function commandWord(command: string): string {
  const words = command.trim().split(/\s+/);
  for (const word of words) {
    if (KEYWORDS.has(word)) continue;
    if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(word)) {
      if (words.indexOf(word) === words.length - 1 || !words.slice(words.indexOf(word) + 1).some(Boolean))
        return '=';
      continue;
    }
    return word;
  }
  return '=';
}

/**
 * Where a shell script puts a secret on a command line: a secret-named variable (or one assigned from
 * it) expanded as an argument of an external command, or a secret option such as `--password`. Allowed:
 * assignments, here-strings and heredoc bodies (stdin), and builtins (no argv).
 */
export function secretsOnArgv(script: string): ArgvLeak[] {
  const leaks: ArgvLeak[] = [];
  const tainted = new Set<string>();
  let heredocEnd: string | undefined;
  script.split('\n').forEach((raw, i) => {
    const text = raw.trim();
    if (heredocEnd !== undefined) {
      if (text === heredocEnd) heredocEnd = undefined;
      return;
    }
    if (text === '' || text.startsWith('#')) return;
    const heredoc = /<<-?\s*['"]?([A-Za-z_]+)['"]?/.exec(text.replace(/<<</g, ''));
    if (heredoc) heredocEnd = heredoc[1];
    if (SECRET_OPTION.test(text)) leaks.push({ line: i + 1, what: SECRET_OPTION.exec(text)![2]!, text });
    const assigned = /^(?:local |export |readonly |declare (?:-\w+ )?)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(text);
    for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = m[1]!;
      if (!SECRET_NAME.test(name) && !tainted.has(name)) continue;
      const index = m.index ?? 0;
      if (assigned && index > assigned[0].length - 1 && !text.slice(0, index).includes(' ')) {
        tainted.add(assigned[1]!);
        continue;
      }
      // Inside `[[ … ]]` (a keyword: no argv, and `&&` there is not a command separator).
      const before = text.slice(0, index);
      if (before.lastIndexOf('[[') > before.lastIndexOf(']]')) continue;
      const command = commandAt(text, index);
      const hereString = command.indexOf('<<<');
      if (hereString >= 0 && command.length - (text.length - index) > hereString) continue;
      const word = commandWord(command);
      if (word === '=') {
        if (assigned) tainted.add(assigned[1]!);
        continue;
      }
      if (BUILTINS.has(word)) continue;
      leaks.push({ line: i + 1, what: `$${name}`, text });
    }
  });
  return leaks;
}

/** A ConfigMap key holding a shell script. */
const isScript = (key: string, value: string) => key.endsWith('.sh') || value.startsWith('#!');

export default defineRule({
  id: 'no-secrets-on-argv',
  doc: 'No rendered script or container command passes a secret as a command argument (where /proc and `ps` show it): secrets reach programs through the environment or stdin.',
  scope: 'object',
  checkObject({ manifest: m }) {
    const problems: Problem[] = [];
    if (m.kind === 'ConfigMap') {
      for (const [key, value] of Object.entries((m.data as Record<string, string> | undefined) ?? {})) {
        if (!isScript(key, value)) continue;
        for (const leak of secretsOnArgv(value)) {
          problems.push({
            path: `${describe(m)}: data.${key} line ${leak.line}`,
            message: `passes ${leak.what} on a command line: ${leak.text}`,
            hint: 'hand it over in the environment (e.g. KC_CLI_CLIENT_SECRET) or on stdin (a here-string)',
          });
        }
      }
    }
    for (const t of podTemplates(m)) {
      for (const { container, path } of containersOf(t.spec)) {
        const fromSecrets = new Set(
          (container.env ?? []).filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.name),
        );
        const argv = [...(container.command ?? []), ...(container.args ?? [])];
        for (const arg of argv) {
          for (const ref of arg.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
            if (fromSecrets.has(ref[1]!) || SECRET_NAME.test(ref[1]!)) {
              problems.push({
                path: `${describe(m)}: ${t.path}.${path}`,
                message: `expands $(${ref[1]}) into its command line`,
                hint: 'read the variable inside the program instead of interpolating it into command/args',
              });
            }
          }
          if (SECRET_OPTION.test(` ${arg} `)) {
            problems.push({
              path: `${describe(m)}: ${t.path}.${path}`,
              message: `passes a secret option on its command line: ${arg}`,
            });
          }
        }
      }
    }
    return problems;
  },
});
