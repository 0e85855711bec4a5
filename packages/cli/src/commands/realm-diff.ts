import { PLATFORM_NAMESPACES, workloadDir } from '@ultron/platform';
import { parse } from 'yaml';
import { listApps } from '../lib/apps.ts';
import { EXIT, type ExitCode, usageError } from '../lib/exit.ts';
import { readCommittedFolder } from '../lib/git.ts';
import { openRepo, requireApp } from '../lib/repo.ts';
import { plural, Ui } from '../lib/ui.ts';
import { findRenderWorkspace, renderWorkspace } from '../lib/workspaces.ts';

export interface RealmDiffOptions {
  base?: string;
  json?: boolean;
}

/** What one realm-sync ConfigMap declares: the sync's whole desired state. */
interface RealmState {
  clients: Set<string>;
  mappers: Set<string>;
  roles: Set<string>;
  /** `<client> <field> <uri>` for redirectUris and webOrigins. */
  uris: Set<string>;
}

export interface RealmChange {
  action: 'delete' | 'create' | 'remove' | 'add';
  what: string;
}

const RE = {
  client: /^client--(.+)\.json$/,
  mapper: /^mapper--(.+?)--(.+)\.json$/,
  role: /^role--(.+)\.json$/,
  uris: /^(redirectUris|webOrigins)--(.+)\.txt$/,
};

function realmState(configMap: string | undefined): RealmState {
  const state: RealmState = { clients: new Set(), mappers: new Set(), roles: new Set(), uris: new Set() };
  if (!configMap) return state;
  const data = ((parse(configMap) as { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
  for (const [key, value] of Object.entries(data)) {
    let m = RE.client.exec(key);
    if (m) state.clients.add(m[1]!);
    m = RE.mapper.exec(key);
    if (m) state.mappers.add(`${m[2]} of client ${m[1]}`);
    m = RE.role.exec(key);
    if (m) state.roles.add(m[1]!);
    m = RE.uris.exec(key);
    if (m)
      for (const uri of value.split('\n').filter(Boolean))
        state.uris.add(`${uri} from ${m[1]} of client ${m[2]}`);
  }
  return state;
}

/** What the next sync does to the live realm, given what it synced before (`base`) and what it will sync. */
export function realmChanges(before: RealmState, after: RealmState): RealmChange[] {
  const changes: RealmChange[] = [];
  const compare = (
    kind: keyof RealmState,
    label: string,
    gone: RealmChange['action'],
    added: RealmChange['action'],
  ) => {
    for (const x of [...before[kind]].sort())
      if (!after[kind].has(x)) changes.push({ action: gone, what: `${label}${x}` });
    for (const x of [...after[kind]].sort())
      if (!before[kind].has(x)) changes.push({ action: added, what: `${label}${x}` });
  };
  compare('clients', 'client ', 'delete', 'create');
  compare('mappers', 'protocol mapper ', 'delete', 'create');
  compare('roles', 'role ', 'delete', 'create');
  compare('uris', '', 'remove', 'add');
  // A deleted client takes its mappers and URIs with it: name the client only.
  const deleted = new Set(
    changes.filter((c) => c.action === 'delete' && c.what.startsWith('client ')).map((c) => c.what.slice(7)),
  );
  return changes.filter(
    (c) =>
      ![...deleted].some((client) => c.what !== `client ${client}` && c.what.endsWith(`of client ${client}`)),
  );
}

/** The kubectl command that runs the rendered sync Job's pod once with DRY_RUN=true: the live plan. */
function liveCommand(app: string, job: string | undefined): string | null {
  if (!job) return null;
  const manifest = parse(job) as {
    spec: { template: { metadata?: { labels?: Record<string, string> }; spec: Record<string, unknown> } };
  };
  const template = manifest.spec.template;
  const spec = structuredClone(template.spec) as { containers: { env?: unknown[]; image: string }[] };
  const container = spec.containers[0]!;
  container.env = [...(container.env ?? []), { name: 'DRY_RUN', value: 'true' }];
  const overrides = JSON.stringify({
    apiVersion: 'v1',
    metadata: { labels: template.metadata?.labels ?? {} },
    spec,
  });
  return `kubectl -n ${PLATFORM_NAMESPACES.keycloak} run ${app}-realm-plan --rm -i --quiet --restart=Never --image=${container.image} --overrides='${overrides}'`;
}

/**
 * What the next realm sync of an app will delete (and create), before it runs: the app's realm as
 * committed at `--base` (default HEAD: what the cluster syncs) against a fresh render of its definition.
 * Also prints the command that runs the sync in dry-run mode against the live realm. Read-only; exit 0.
 */
export async function realmDiff(app: string, options: RealmDiffOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  requireApp(repo, app, listApps(repo));
  const ws = findRenderWorkspace(repo, workloadDir(app));
  if (!ws) throw usageError(`no render workspace for ${workloadDir(app)}`);
  const fresh = await ui.task(`rendering ${app}`, () => renderWorkspace(ws));
  const realmDir = `${workloadDir(app)}/realm/`;
  const base = options.base ?? 'HEAD';
  const committed = readCommittedFolder(repo.root, base, repo.treeDir);
  const pick = (files: Map<string, string>, prefix: string) =>
    [...files].find(
      ([path]) => path.startsWith(realmDir) && path.slice(realmDir.length).startsWith(prefix),
    )?.[1];

  const freshFiles = fresh.files;
  const after = realmState(pick(freshFiles, 'configmap-'));
  const before = realmState(pick(committed, 'configmap-'));
  const changes = realmChanges(before, after);
  const live = liveCommand(app, pick(freshFiles, 'job-'));
  const deletions = changes.filter((c) => c.action === 'delete' || c.action === 'remove');

  if (ui.json) {
    ui.printJson({ app, base, auth: Boolean(pick(freshFiles, 'configmap-')), changes, liveDryRun: live });
    return EXIT.ok;
  }
  if (!pick(freshFiles, 'configmap-') && !pick(committed, 'configmap-')) {
    ui.mark('info', `${app} has no realm (auth is off): nothing to sync`);
    return EXIT.ok;
  }
  ui.out(ui.paint('bold', `realm sync of ${app}: ${base} → this definition`));
  if (changes.length === 0) ui.mark('ok', 'no client, role, mapper or URI added or removed');
  for (const c of changes) {
    const gone = c.action === 'delete' || c.action === 'remove';
    ui.out(`  ${gone ? ui.paint('fail', `will ${c.action}`) : ui.paint('ok', `will ${c.action}`)} ${c.what}`);
  }
  if (deletions.length)
    ui.out(
      `\n${ui.paint('warn', plural(deletions.length, 'deletion'))} on the next sync after this is pushed.`,
    );
  if (live) {
    ui.out(
      '\nWhat the sync would do to the live realm right now (read-only, DRY_RUN=true), over your kube context:',
    );
    ui.out(`  ${live}`);
  }
  return EXIT.ok;
}
