import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@ultron/platform';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const helm = join(findRepoRoot(import.meta.dirname), 'gitops', 'bootstrap', 'helm');
const amtool = spawnSync('amtool', ['--version'], { encoding: 'utf8' }).status === 0;
// CI must run the real engine: a missing amtool fails there instead of skipping.
if (!amtool && process.env.CI === 'true')
  throw new Error('amtool is missing: install Debian prometheus-alertmanager (.ci/run does)');
if (!amtool) console.warn('committed Alertmanager config not checked: amtool is not installed');

const dir = mkdtempSync(join(tmpdir(), 'ultron-am-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!amtool)('the committed Alertmanager config', () => {
  it('passes amtool check-config, exactly as kube-prometheus-stack will write it', () => {
    const file = readdirSync(helm).find((f) => /kube-prom-stack\.values\.yaml$/.test(f));
    expect(file).toBeDefined();
    const values = parse(readFileSync(join(helm, file!), 'utf8')) as { alertmanager: { config: unknown } };
    const config = join(dir, 'alertmanager.yaml');
    writeFileSync(config, stringify(values.alertmanager.config));
    const run = spawnSync('amtool', ['check-config', config], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});
