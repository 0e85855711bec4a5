import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, vaultValues } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The rendered runbook is followed by strangers: every file, namespace, command, context, node and vault
 * secret its commands name must exist in this repository and its rendered tree.
 */
const root = findRepoRoot(import.meta.dirname);
const tree = join(root, 'gitops');
const runbook = readFileSync(join(tree, 'bootstrap', 'README.md'), 'utf8');
const objects = loadTree(tree);

/** Every shell command of the runbook: the lines of its ```sh blocks and its inline `…` commands. */
const COMMAND =
  /^(pnpm|kubectl|oci|ssh|scp|sudo|curl|helm|tailscale|printf|mv|mkdir|KUBECONFIG=|export|read|dig|nc)\b/;
const blocks = [...runbook.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
  m[1]!.split('\n').map((l) => l.trim()),
);
const inline = [...runbook.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());
const commands = [...new Set([...blocks, ...inline])].filter((c) => COMMAND.test(c));

const all = (re: RegExp) => [...new Set(commands.flatMap((c) => [...c.matchAll(re)].map((m) => m[1]!)))];

const plan = parse(readFileSync(join(tree, 'bootstrap', 'plan.yaml'), 'utf8')) as {
  cluster: string;
  steps: { command: string; args: string[] }[];
};
/** Namespaces that exist once the tree is applied: objects', Applications' destinations, Helm releases'. */
const namespaces = new Set<string>([
  ...objects.flatMap((o) => (o.manifest.metadata.namespace ? [o.manifest.metadata.namespace] : [])),
  ...objects.flatMap((o) =>
    o.manifest.kind === 'Namespace' && o.manifest.metadata.name ? [o.manifest.metadata.name] : [],
  ),
  ...objects.flatMap((o) => {
    const ns = (o.manifest as { spec?: { destination?: { namespace?: string } } }).spec?.destination
      ?.namespace;
    return ns ? [ns] : [];
  }),
  ...plan.steps.flatMap((s) => {
    const i = s.args.indexOf('--namespace');
    return i >= 0 ? [s.args[i + 1]!] : [];
  }),
]);

describe('the rendered runbook refers only to what exists', () => {
  it('has commands to check', () => {
    expect(commands.length).toBeGreaterThan(30);
  });

  it.each(all(/(?:^|\s)((?:gitops|cluster|bootstrap|packages|workloads|apps)\/[\w./-]*\w)/g))(
    'file %s exists',
    (path) => {
      expect(existsSync(join(root, path))).toBe(true);
    },
  );

  it.each(all(/pnpm ultron ([a-z-]+)/g))('`pnpm ultron %s` is a command of the CLI', (command) => {
    expect(existsSync(join(root, 'packages', 'cli', 'src', 'commands', `${command}.ts`))).toBe(true);
  });

  it.each(all(/pnpm --dir (\S+) exec (\S+)/g).map((dir) => [dir] as const))(
    '`pnpm --dir %s exec …` runs a bin that workspace has',
    (dir) => {
      for (const [, , bin] of commands.flatMap((c) => [...c.matchAll(/pnpm --dir (\S+) exec (\S+)/g)]))
        expect(existsSync(join(root, dir, 'node_modules', '.bin', bin!))).toBe(true);
    },
  );

  it.each(all(/(?:-n|--namespace) ([a-z0-9-]+)/g))('namespace %s is one the tree deploys into', (ns) => {
    expect(namespaces.has(ns)).toBe(true);
  });

  it.each(all(/namespace\/([a-z0-9-]+)/g))('namespace/%s is one the tree deploys into', (ns) => {
    expect(namespaces.has(ns)).toBe(true);
  });

  it.each(all(/(?:--context|use-context) ([a-z0-9-]+)/g))('context %s is the cluster’s name', (context) => {
    expect(context).toBe(plan.cluster);
  });

  it.each(all(/(?:^|\s)ssh ([a-z0-9-]+)/g))('node %s has a rendered k3s config', (node) => {
    expect(existsSync(join(tree, 'bootstrap', 'k3s', `${node}.config.yaml`))).toBe(true);
  });

  it.each(all(/--secret-name (\S+)/g))('vault secret %s is one an ExternalSecret reads', (name) => {
    expect(vaultValues(objects).map((v) => v.vaultSecret)).toContain(name);
  });

  it('reads the repository token from the vault, never from a typed argument', () => {
    const token = commands.find((c) => c.startsWith('export ULTRON_GITOPS_TOKEN='));
    expect(token).toMatch(/get-secret-bundle-by-name/);
  });

  it('never overwrites ~/.kube/config with a single cluster', () => {
    expect(commands.filter((c) => />\s*~\/\.kube\/config(\s|$)/.test(c))).toEqual([]);
  });
});
