import { writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { hasValidate, type Manifest, renderYamlFile, toPlain } from '@ultron/platform';
import { CliError, EXIT, usageError } from './exit.ts';
import { openRepo, userPath } from './repo.ts';
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
 * `--out` never destroys anything by accident: an existing file is kept unless --force says otherwise
 * (the exclusive create also closes the gap between checking and writing), and the rendered tree is
 * refused — the build owns every file there and would prune a hand-written one, or Argo CD would apply
 * a one-off action (a backup, a restore cluster) on every sync.
 */
function writeOut(file: string, out: string, yaml: string, force: boolean): void {
  let tree: string | undefined;
  try {
    tree = openRepo().treeDir;
  } catch {
    // Outside a gitops repo there is no tree to protect.
  }
  if (tree && !force && (file === tree || file.startsWith(`${tree}${sep}`)))
    throw usageError(
      `--out ${out} is inside ${relative(process.cwd(), tree) || tree}/, which the build renders and prunes`,
      'write the manifest somewhere else (it is a one-off: apply it, do not commit it), or pass --force',
    );
  try {
    writeFileSync(file, yaml, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw usageError(
      `--out ${out} already exists; nothing was written`,
      'pick another file, or pass --force to overwrite it',
    );
  }
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
  force = false,
): void {
  const file = out ? userPath(out) : undefined;
  if (file) writeOut(file, out!, yaml, force);
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
