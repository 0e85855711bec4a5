import * as z from 'zod';
import type { Cluster } from '../../cluster/schema.js';
import { REPO_CREDENTIAL } from '../../conventions/names.js';
import type { Component, HelmRelease } from '../component.js';
import { COMPONENTS } from '../registry.js';
import { BOOTSTRAP_FILES, fromRepoRoot } from './files.js';

export { REPO_CREDENTIAL };

/**
 * Every apply is server-side under one field manager, and takes over fields someone changed by hand:
 * the rendered file is the desired state, and a rerun must converge instead of stopping at a conflict.
 */
const APPLY = ['apply', '--server-side', '--force-conflicts', '--field-manager=ultron-bootstrap'];

const stepSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  why: z.string(),
  command: z.enum(['helm', 'kubectl']),
  args: z.array(z.string()),
  /** Data piped to the command, built at run time: the repository credential (from the environment). */
  stdin: z.strictObject({ repositoryCredential: z.strictObject({ url: z.string() }) }).optional(),
});

export const bootstrapPlanSchema = z.strictObject({
  cluster: z.string(),
  steps: z.array(stepSchema).min(1),
});

export type BootstrapStep = z.infer<typeof stepSchema>;
export type BootstrapPlan = z.infer<typeof bootstrapPlanSchema>;

const apply = (id: string, title: string, why: string, ...treePaths: string[]): BootstrapStep => ({
  id,
  title,
  why,
  command: 'kubectl',
  args: [...APPLY, ...treePaths.flatMap((p) => ['-f', fromRepoRoot(p)])],
});

const helmStep = (r: HelmRelease, index: number): BootstrapStep => ({
  id: r.release,
  title: `Helm release ${r.release} (${r.chart.chart} ${r.chart.version}) in ${r.namespace}`,
  why: r.why,
  command: 'helm',
  args: [
    'upgrade',
    '--install',
    r.release,
    r.chart.chart,
    '--repo',
    r.chart.repo,
    '--version',
    r.chart.version,
    '--namespace',
    r.namespace,
    '--create-namespace',
    '--values',
    fromRepoRoot(BOOTSTRAP_FILES.helmValues(index, r)),
    '--wait',
    '--timeout',
    r.timeout,
  ],
});

/**
 * The ordered bootstrap, as the exact commands that perform it. The plan file, the runbook, the dry run
 * and the executor all come from this one list: the namespaces, then each component the bootstrap
 * installs or tunes in registry order (its Helm release, then its own applies), then the hand-over to
 * Argo CD.
 */
export function bootstrapPlan(cluster: Cluster, registry: readonly Component[] = COMPONENTS): BootstrapPlan {
  // Values files are numbered in install order, among the Helm releases only.
  const helmInstalled = registry.filter((c) => c.install === 'helm-bootstrap');
  const componentSteps = registry.flatMap((c) => [
    ...(c.install === 'helm-bootstrap' ? [helmStep(c.release(cluster), helmInstalled.indexOf(c))] : []),
    ...(c.bootstrapApplies ?? []).map((a) => apply(a.id, a.title, a.why, ...a.files)),
  ]);
  return {
    cluster: cluster.name,
    steps: [
      apply(
        'namespaces',
        "The Helm releases' namespaces, with Pod Security labels and default-deny NetworkPolicies",
        'first: every pod the bootstrap starts lands in a namespace that already enforces Pod Security and denies by default',
        BOOTSTRAP_FILES.namespaces,
      ),
      ...componentSteps,
      {
        id: 'repo-credential',
        title: `Register the GitOps repository with Argo CD (Secret ${REPO_CREDENTIAL.secret})`,
        why: `the repository is private; the token comes from $${REPO_CREDENTIAL.tokenEnv} and is piped to kubectl, never written to disk`,
        command: 'kubectl',
        args: [...APPLY, '-f', '-'],
        stdin: { repositoryCredential: { url: cluster.gitops.repoURL } },
      },
      apply(
        'root-app',
        'Apply the root AppProject and the root Application (app-of-apps)',
        'last: from here on Argo CD syncs everything else from Git, and the root app may only create Applications and AppProjects',
        BOOTSTRAP_FILES.rootProject,
        BOOTSTRAP_FILES.rootApp,
      ),
    ],
  };
}

const SAFE_ARG = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** One argument as a POSIX shell would need it quoted (for display and copy-paste only). */
export function shellQuote(arg: string): string {
  return SAFE_ARG.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command line a step runs, as printed by the dry run and the runbook. The repository credential
 * step prints the shell pipeline that does the same as the executor: the token goes from the environment
 * through the builtin printf to stdin, never onto a command line or to disk.
 */
export function formatStep(step: BootstrapStep): string {
  const line = [step.command, ...step.args.map(shellQuote)].join(' ');
  const credential = step.stdin?.repositoryCredential;
  if (!credential) return line;
  const labels = Object.entries(REPO_CREDENTIAL.label).map(([k, v]) => `${k}=${v}`);
  return [
    `printf '%s' "$${REPO_CREDENTIAL.tokenEnv}"`,
    [
      'kubectl create secret generic',
      REPO_CREDENTIAL.secret,
      '-n',
      REPO_CREDENTIAL.namespace,
      '--from-literal=type=git',
      `--from-literal=url=${shellQuote(credential.url)}`,
      `--from-literal=username="\${${REPO_CREDENTIAL.usernameEnv}:-${REPO_CREDENTIAL.defaultUsername}}"`,
      '--from-file=password=/dev/stdin --dry-run=client -o yaml',
    ].join(' '),
    `kubectl label --local -f - ${labels.join(' ')} -o yaml`,
    line,
  ].join(' | ');
}
