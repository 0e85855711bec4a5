import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itWith, runEngine } from '../engines/tools.js';
import { repoRoot } from './workloads.js';

/**
 * Every Lua health check the rendered Argo CD values carry (`resource.customizations.health.<group>_<kind>`
 * in argocd-cm), executed in a real Lua runtime the way Argo CD runs it: the object as the global
 * `obj`, the script's return value as the health. Argo CD embeds gopher-lua (Lua 5.1); the scripts use
 * only syntax both 5.1 and 5.4 read.
 */
type Health = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing';
interface Sample {
  name: string;
  obj: unknown;
  expect: Health;
}

const app = (status: unknown) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', status });
const synced = { sync: { status: 'Synced' }, operationState: { phase: 'Succeeded' } };

/** Sample resources per health check: every check in the values must have some, or the test fails. */
const SAMPLES: Record<string, Sample[]> = {
  'argoproj.io_Application': [
    {
      name: 'synced, healthy, last sync succeeded',
      obj: app({ ...synced, health: { status: 'Healthy' } }),
      expect: 'Healthy',
    },
    { name: 'not reconciled yet (no status)', obj: app(undefined), expect: 'Progressing' },
    {
      name: 'healthy but a sync is still running (later waves missing: Argo CD 3.4)',
      obj: app({
        sync: { status: 'OutOfSync' },
        health: { status: 'Healthy' },
        operationState: { phase: 'Running' },
      }),
      expect: 'Progressing',
    },
    {
      name: 'healthy but OutOfSync, no operation',
      obj: app({ sync: { status: 'OutOfSync' }, health: { status: 'Healthy' } }),
      expect: 'Progressing',
    },
    {
      name: 'synced, resources still progressing',
      obj: app({ ...synced, health: { status: 'Progressing', message: 'waiting for rollout' } }),
      expect: 'Progressing',
    },
    {
      name: 'synced, resources missing',
      obj: app({ ...synced, health: { status: 'Missing' } }),
      expect: 'Progressing',
    },
    {
      name: 'synced, a resource degraded',
      obj: app({ ...synced, health: { status: 'Degraded' } }),
      expect: 'Degraded',
    },
    {
      name: 'last sync failed',
      obj: app({
        sync: { status: 'OutOfSync' },
        health: { status: 'Healthy' },
        operationState: { phase: 'Failed', message: 'one or more objects failed to apply' },
      }),
      expect: 'Degraded',
    },
    {
      name: 'synced, a canary paused for a person',
      obj: app({ ...synced, health: { status: 'Suspended' } }),
      expect: 'Suspended',
    },
  ],
};

/** A Lua table constructor for JSON data (strings escaped for Lua's double-quoted literals). */
function lua(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `{${value.map(lua).join(', ')}}`;
  return `{${Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `[${JSON.stringify(k)}] = ${lua(v)}`)
    .join(', ')}}`;
}

const values = parse(readFileSync(join(repoRoot, 'gitops/bootstrap/helm/03-argocd.values.yaml'), 'utf8')) as {
  configs: { cm: Record<string, string> };
};
const PREFIX = 'resource.customizations.health.';
const checks = Object.entries(values.configs.cm).filter(([key]) => key.startsWith(PREFIX));

describe('Argo CD Lua health checks', () => {
  it('the values carry the Application health check, and every check has samples', () => {
    expect(checks.map(([k]) => k)).toContain(`${PREFIX}argoproj.io_Application`);
    for (const [key] of checks) expect(SAMPLES[key.slice(PREFIX.length)], key).toBeDefined();
  });

  describe.each(checks.map(([key, script]) => [key.slice(PREFIX.length), script] as const))(
    '%s',
    (gk, script) => {
      for (const s of SAMPLES[gk] ?? []) {
        itWith('lua5.4')(`${s.name} → ${s.expect}`, () => runHealthCheck(script, s));
      }
    },
  );
});

function runHealthCheck(script: string, s: Sample) {
  // The script is a chunk that returns `hs`; run it as a function with `obj` set, as Argo CD does.
  const program = `obj = ${lua(s.obj)}\nlocal hs = (function()\n${script}\nend)()\nio.write(hs.status)\n`;
  const run = runEngine('lua5.4', () => ['health.lua'], { 'health.lua': program });
  expect(run.status, run.output).toBe(0);
  expect(run.output).toBe(s.expect);
}
