import { writeFileSync } from 'node:fs';
import { hasValidate, type Manifest, renderYamlFile, toPlain } from '@ultron/platform';
import { CliError, EXIT } from './exit.ts';
import { userPath } from './repo.ts';
import type { Ui } from './ui.ts';

/**
 * The YAML of objects the CLI renders for someone to apply (never committed: they are one-off actions).
 * Checked by their kubernetes-models schema first, serialized like the tree.
 */
export function renderManifest(objects: readonly Manifest[], header: string): string {
  for (const o of objects) {
    if (!hasValidate(o)) continue;
    try {
      o.validate();
    } catch (error) {
      throw new CliError(
        EXIT.problems,
        `the rendered ${o.kind} does not pass its schema: ${(error as Error).message}`,
      );
    }
  }
  return renderYamlFile(`# ${header}\n`, objects.map(toPlain));
}

/**
 * Prints a one-off manifest with its next steps: the YAML on stdout and the steps on stderr (so
 * `pnpm --silent ultron … | kubectl apply -f -` works), or with --out the YAML in a file and the steps on stdout.
 */
export function emitManifest(
  ui: Ui,
  yaml: string,
  object: Manifest,
  steps: (applyWith: string) => string[],
  out: string | undefined,
): void {
  const file = out ? userPath(out) : undefined;
  if (file) writeFileSync(file, yaml, 'utf8');
  const list = steps(file ? `kubectl apply -f ${out}` : 'kubectl apply -f -   (pipe this output)');
  if (ui.json) {
    ui.printJson({ object: toPlain(object), ...(file ? { file } : {}), steps: list });
    return;
  }
  if (!file) ui.out(yaml.trimEnd());
  const say = file ? (l: string) => ui.out(l) : (l: string) => ui.note(l);
  if (file) say(`${ui.paint('ok', '✓')} wrote ${out}`);
  say(ui.paint('bold', 'Next steps:', file ? process.stdout : process.stderr));
  for (const [i, step] of list.entries()) say(`  ${i + 1}. ${step}`);
}
