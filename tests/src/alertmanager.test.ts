import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@ultron/platform';
import { describe, expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { itWith, runEngine } from './engines/tools.js';

const helm = join(findRepoRoot(import.meta.dirname), 'gitops', 'bootstrap', 'helm');

describe('the committed Alertmanager config', () => {
  itWith('amtool')('passes amtool check-config, exactly as kube-prometheus-stack will write it', () => {
    const file = readdirSync(helm).find((f) => /kube-prom-stack\.values\.yaml$/.test(f));
    expect(file).toBeDefined();
    const values = parse(readFileSync(join(helm, file!), 'utf8')) as { alertmanager: { config: unknown } };
    const run = runEngine('amtool', () => ['check-config', 'alertmanager.yaml'], {
      'alertmanager.yaml': stringify(values.alertmanager.config),
    });
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});
