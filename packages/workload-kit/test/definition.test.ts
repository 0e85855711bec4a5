import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseWorkload } from '../src/definition/parse.js';
import type { WorkloadInput } from '../src/definition/schema.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const read = (dir: string) =>
  readdirSync(join(fixtures, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(fixtures, dir, file), 'utf8');
      const expected = /^# expect: (.+)$/m.exec(text)?.[1];
      return { file, input: parse(text) as WorkloadInput, expected };
    });

describe('valid definitions', () => {
  it.each(read('valid').map((f) => [f.file, f] as const))('%s parses', (_, f) => {
    expect(() => parseWorkload(f.input)).not.toThrow();
  });

  it('defaults match the platform recipe', () => {
    const w = parseWorkload({ name: 'demo', domain: 'demo.dev', image: 'ghcr.io/acme/demo:sha-1a2b3c4' });
    expect(w.hosts).toEqual(['api.demo.dev']);
    expect(w.port).toBe(8080);
    expect(w.probes).toEqual({ readiness: '/readyz', liveness: false, startup: false });
    expect(w.metrics).toEqual({
      requestsCounter: 'http_requests_total',
      codeLabel: 'code',
      routeLabel: 'route',
      excludeRoutes: [],
      durationHistogram: 'http_request_duration_seconds',
    });
    expect(w.canary).toEqual({
      steps: [25, 50, 75],
      pause: '60s',
      successThreshold: 0.95,
      interval: '30s',
      failureLimit: 2,
      minRequestRate: 0.1,
      onLowTraffic: 'pause',
      trafficRouting: 'traefik',
    });
    expect(w.database).toEqual({
      size: '5Gi',
      instances: 1,
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      // The method comes from the cluster definition unless the app sets one.
      backup: {},
    });
    expect(w.migrations).toEqual({ command: ['migrate', 'up'], backoffLimit: 2 });
    expect(w.auth).toBe(false);
  });
});

describe('invalid definitions: one file per rule, each failing with its own message', () => {
  it.each(read('invalid').map((f) => [f.file, f] as const))('%s', (_, f) => {
    expect(f.expected, `${f.file} needs an "# expect:" line`).toBeTruthy();
    try {
      parseWorkload(f.input);
      expect.unreachable(`${f.file} parsed`);
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      const lines = (error as { problems: { path: string; message: string }[] }).problems.map(
        (p) => `${p.path}: ${p.message}`,
      );
      expect(
        lines.some((l) => l.startsWith(f.expected!)),
        `${lines.join('\n')}`,
      ).toBe(true);
    }
  });

  it('lists field errors and cross-field errors together, not only the first kind', () => {
    try {
      parseWorkload({
        name: 'demo',
        domain: 'demo.dev',
        image: 'ghcr.io/acme/demo:sha-1a2b3c4',
        port: 'http',
        hosts: ['elsewhere.org'],
        canary: { steps: [50, 25] },
      } as unknown as WorkloadInput);
      expect.unreachable();
    } catch (error) {
      const problems = (error as { problems: { path: string; message: string; hint?: string }[] }).problems;
      expect(problems.map((p) => p.path).sort()).toEqual([
        'workload.canary.steps[1]',
        'workload.hosts[0]',
        'workload.port',
      ]);
      expect(problems.find((p) => p.path === 'workload.hosts[0]')?.hint).toMatch(/api\.demo\.dev/);
    }
  });

  it('lists every problem of a definition at once, each with a hint where one helps', () => {
    try {
      parseWorkload({ name: 'Bad', domain: 'x', image: 'nope:latest', port: 80 } as WorkloadInput);
      expect.unreachable();
    } catch (error) {
      const problems = (error as { problems: { path: string; hint?: string }[] }).problems;
      expect([...new Set(problems.map((p) => p.path))].sort()).toEqual([
        'workload.domain',
        'workload.image',
        'workload.name',
        'workload.port',
      ]);
      expect(problems.every((p) => p.hint)).toBe(true);
    }
  });
});
