/**
 * The strict conformance data for a clone without ../shared (GitHub Actions, a user's machine): the
 * pinned CRDs (downloaded by the same resolver `ultron validate` uses, into ~/.cache/ultron/crds) and
 * each pinned chart's default values and schema (`helm pull` of the exact pinned version, into
 * ~/.cache/ultron/charts/<chart>/<version>/). Prints `ULTRON_CRDS_DIR=…` and `ULTRON_CHARTS_DIR=…`
 * lines, ready for $GITHUB_ENV or `export`. Nothing is copied into the repository.
 *
 *   node tests/conformance-data.ts >> "$GITHUB_ENV"
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { charts, k3s } from '@ultron/platform';
import { resolveCrds } from '@ultron/platform/conformance';

const crds = await resolveCrds({ timeoutMs: 60_000 });
if (!('dir' in crds)) throw new Error(crds.skip);

const chartsDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ultron', 'charts');
const pins = [
  ...Object.values(charts).map((c) => ({ repo: c.repo, chart: c.chart, version: c.version })),
  // k3s ships Traefik itself; its values are checked against the chart version that k3s release bundles.
  { repo: 'https://traefik.github.io/charts', chart: 'traefik', version: k3s.bundledTraefikChart },
];
for (const { repo, chart, version } of pins) {
  const target = join(chartsDir, chart, version);
  if (existsSync(join(target, 'values.yaml'))) continue;
  const work = mkdtempSync(join(tmpdir(), 'ultron-chart-'));
  try {
    execFileSync(
      'helm',
      ['pull', chart, '--repo', repo, '--version', version, '--untar', '--untardir', work],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    mkdirSync(target, { recursive: true });
    for (const file of ['values.yaml', 'values.schema.json'])
      if (existsSync(join(work, chart, file))) copyFileSync(join(work, chart, file), join(target, file));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
process.stdout.write(`ULTRON_CRDS_DIR=${crds.dir}\nULTRON_CHARTS_DIR=${chartsDir}\n`);
