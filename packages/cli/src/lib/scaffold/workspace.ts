import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appFile, appNames, TREE_DIR, workloadDir } from '@ultron/platform';
import { formatJson } from '../json-format.ts';

/** The workspace whose build is the assemble step (after every rendering workspace). */
export const ASSEMBLE_PACKAGE = 'assemble/package.json';

/** What `ultron new` is told about the app; every value was validated against the kit's schema. */
export interface NewApp {
  name: string;
  domain: string;
  image: string;
  port: number;
  database: boolean;
}

/**
 * The command every scaffolded migrations Job runs: golang-migrate, as the app-repo Dockerfile bundles it.
 * The URL names only host and database; the credentials come from the Job's PGUSER/PGPASSWORD (from the
 * CNPG secret), which golang-migrate's Postgres driver (lib/pq) reads — so no password is on its argv.
 */
export function migrateCommand(app: string): string[] {
  const names = appNames(app);
  return [
    'migrate',
    '-path',
    '/migrations',
    '-database',
    `postgres://${names.pgRwService}:5432/${app}?sslmode=require`,
    'up',
  ];
}

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readPackage = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;

/**
 * Toolchain pins come from this CLI's own package.json: it lives in the same repo, so Renovate moves them
 * together and a new workspace never brings a second TypeScript or @types/node into the lockfile.
 */
function toolchain(): Record<string, string> {
  const own = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
  ) as PackageJson;
  const dev = own.devDependencies ?? {};
  return {
    '@types/node': dev['@types/node']!,
    '@ultron/tsconfig': 'workspace:*',
    typescript: dev.typescript!,
  };
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function definition(app: NewApp, clusterPackage: string): string {
  const names = appNames(app.name);
  const data = app.database
    ? [
        '  // The image of `ultron new --app-repo` bundles golang-migrate, its migrations in /migrations.',
        `  migrations: { command: [${migrateCommand(app.name).map(quote).join(', ')}] },`,
      ]
    : ['  database: false,', '  migrations: false,'];
  return [
    "import { defineWorkload } from '@ultron/workload-kit';",
    `import cluster from ${quote(clusterPackage)};`,
    '',
    '/**',
    ` * ${app.name}: its API at api.${app.domain}, in namespace ${names.namespace}; canary, monitoring and policies are`,
    ` * the kit's defaults. Deploy a build with \`pnpm ultron image set ${app.name} sha-<git sha>\`.`,
    ' */',
    'export default defineWorkload(cluster, {',
    `  name: ${quote(app.name)},`,
    `  domain: ${quote(app.domain)},`,
    // One line: `ultron image set` edits exactly this line.
    `  image: ${quote(app.image)},`,
    `  port: ${app.port},`,
    "  // What the API serves (the kit's defaults, spelled out): the canary gate, the alerts and the dashboard",
    '  // read these names, so an app that spells them differently changes them here and nowhere else.',
    "  metrics: { requestsCounter: 'http_requests_total', codeLabel: 'code' },",
    "  probes: { readiness: '/readyz' },",
    ...data,
    '});',
    '',
  ].join('\n');
}

function readme(app: NewApp): string {
  const names = appNames(app.name);
  return `# ${app.name}

The gitops definition of ${app.name}: \`workload.ts\` is all of it. \`pnpm turbo build\` renders
\`${TREE_DIR}/${appFile(app.name)}\` (its Argo CD project and Applications) and \`${TREE_DIR}/${workloadDir(app.name)}/\`.

| | |
|---|---|
| API | https://api.${app.domain} (port ${app.port}, readiness \`/readyz\`, metrics \`/metrics\`: \`http_requests_total{method, route, code}\`) |
| namespace | \`${names.namespace}\` |
| image | pinned in \`workload.ts\`; changed only by \`pnpm ultron image set ${app.name} <version>\` |
${app.database ? `| database | CNPG \`${names.pgCluster}\`; the app reads \`DB_URL\` from Secret \`${names.pgAppSecret}\` key \`uri\` |\n` : ''}
## Deploy

App CI pushes \`sha-<short git sha>\` and asks this repo to run \`pnpm ultron image set ${app.name} <tag>\`;
by hand, the same command then commit and push. Argo CD syncs${app.database ? ', migrations run' : ''}, the canary walks its steps:

\`\`\`sh
kubectl argo rollouts get rollout ${names.rollout} -n ${names.namespace} --watch
kubectl argo rollouts promote ${names.rollout} -n ${names.namespace}          # skip the current pause (--full: all steps)
kubectl argo rollouts abort ${names.rollout} -n ${names.namespace}            # back to the stable version
kubectl argo rollouts retry rollout ${names.rollout} -n ${names.namespace}    # try an aborted update again
\`\`\`

## Day 2

\`\`\`sh
pnpm ultron secrets                 # the out-of-band secrets it needs${app.database ? ` (${names.pgBackupCreds}…)` : ''}
${app.database ? `pnpm --silent ultron backup ${app.name} | kubectl apply -f -\npnpm ultron restore ${app.name} --to <RFC 3339 time>   # a new cluster, never in place\n` : ''}\`\`\`
`;
}

/**
 * The files of `workloads/<app>/`, relative to the repo root. With them, `pnpm install && pnpm turbo build`
 * renders the app and nothing else in the repo needs an edit.
 */
export function workspaceFiles(app: NewApp, repoRoot: string, clusterDir: string): Map<string, string> {
  const dir = workloadDir(app.name);
  const cluster = readPackage(join(repoRoot, clusterDir));
  const scope = cluster.name.split('/')[0];
  const pkg = {
    name: `${scope}/${app.name}`,
    version: '0.0.0',
    private: true,
    type: 'module',
    scripts: { build: 'ultron-render workload.ts', typecheck: 'tsc --noEmit' },
    // The platform brings the `ultron-render` bin the build runs; the kit is what workload.ts calls.
    dependencies: {
      [cluster.name]: 'workspace:*',
      '@ultron/platform': 'workspace:^',
      '@ultron/workload-kit': 'workspace:^',
    },
    devDependencies: toolchain(),
  };
  return new Map([
    [`${dir}/package.json`, formatJson(pkg)],
    [`${dir}/workload.ts`, definition(app, cluster.name)],
    [`${dir}/tsconfig.json`, formatJson({ extends: '@ultron/tsconfig/workspace.json', include: ['*.ts'] })],
    [`${dir}/README.md`, readme(app)],
    ...assembleOrdering(repoRoot, pkg.name),
  ]);
}

/**
 * The assemble step runs after the builds of its package's dependencies (turbo has no "after every
 * workspace"), so a new app joins that list; what the app owns in the tree comes from its name alone.
 */
function assembleOrdering(repoRoot: string, packageName: string): [string, string][] {
  const file = join(repoRoot, ASSEMBLE_PACKAGE);
  if (!existsSync(file)) return [];
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
  const deps = { ...pkg.dependencies, [packageName]: 'workspace:*' };
  pkg.dependencies = Object.fromEntries(
    Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return [[ASSEMBLE_PACKAGE, formatJson(pkg)]];
}
