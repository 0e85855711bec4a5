import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  clusterCapacity,
  defineCluster,
  objectStorageEndpoint,
  prometheusAddress,
} from '../src/cluster/define.js';
import type { ClusterInput } from '../src/cluster/schema.js';
import { isUserError, type Problem } from '../src/errors/problem.js';
import { cluster, clusterInput } from './platform-cluster.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'cluster');
const read = (dir: 'valid' | 'invalid') =>
  readdirSync(join(fixtures, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(fixtures, dir, file), 'utf8');
      return { file, input: parse(text) as ClusterInput, expected: /^# expect: (.+)$/m.exec(text)?.[1] };
    });

function problemsOf(input: unknown): Problem[] {
  try {
    defineCluster(input as ClusterInput);
  } catch (error) {
    if (isUserError(error)) return [...error.problems];
    throw error;
  }
  return [];
}

describe('valid cluster definitions', () => {
  it.each(read('valid').map((f) => [f.file, f] as const))('%s parses', (_, f) => {
    expect(problemsOf(f.input)).toEqual([]);
  });

  it('defaults match SPEC.md', () => {
    expect(cluster.name).toBe('ultron');
    expect(cluster.gitops.revision).toBe('main');
    expect(cluster.acme.issuer).toBe('letsencrypt-prod');
    expect(cluster.nodes[0]).toMatchObject({ arch: 'arm64', role: 'server' });
    expect(cluster.storageClass).toBe('local-path');
    expect(cluster.monitoring).toEqual({ namespace: 'monitoring', prometheusRelease: 'kube-prom-stack' });
    expect(cluster.backups).toEqual({
      schedule: '0 0 3 * * *',
      retention: '30d',
      method: 'plugin',
      generation: 1,
    });
    expect(cluster.secrets).toEqual({ backend: 'manual' });
    expect(cluster.keycloak).toEqual({ instances: 1, database: { instances: 1, size: '2Gi' } });
    expect(prometheusAddress(cluster)).toBe('http://prometheus-operated.monitoring:9090');
    expect(objectStorageEndpoint(cluster)).toBe(
      'https://acmens.compat.objectstorage.eu-frankfurt-1.oraclecloud.com',
    );
  });

  it('takes capacity from the node list, so a second node is a definition change', () => {
    expect(clusterCapacity(cluster)).toEqual({ cpu: 4, memory: 24 * 1024 ** 3 });
    const grown = defineCluster({
      ...clusterInput,
      nodes: [
        ...clusterInput.nodes,
        { name: 'ultron-2', role: 'agent', cpu: '2', memory: '12Gi', tailscaleIP: '100.64.0.2' },
      ],
      keycloak: { database: { instances: 2 } },
    });
    expect(clusterCapacity(grown)).toEqual({ cpu: 6, memory: 36 * 1024 ** 3 });
    expect(grown.keycloak.database.instances).toBe(2);
  });
});

describe('invalid cluster definitions: one file per rule, each failing at its path with its message', () => {
  const invalid = read('invalid');

  it('has a fixture for every rule, each with an "# expect:" line', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(25);
    expect(invalid.filter((f) => !f.expected).map((f) => f.file)).toEqual([]);
  });

  it.each(invalid.map((f) => [f.file, f] as const))('%s', (_, f) => {
    const lines = problemsOf(f.input).map((p) => `${p.path}: ${p.message}`);
    expect(lines.length, `${f.file} was accepted`).toBeGreaterThan(0);
    expect(
      lines.some((l) => l.startsWith(f.expected!)),
      lines.join('\n'),
    ).toBe(true);
  });

  it('lists every problem at once, with a hint on each rule the kit defines', () => {
    const problems = problemsOf({
      ...clusterInput,
      authDomain: 'not a domain',
      nodes: [{ name: 'ultron', cpu: '500m', memory: '2Gi', tailscaleIP: '10.0.0.1' }],
      backups: { schedule: '0 3 * * *' },
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      'cluster.authDomain',
      'cluster.backups.schedule',
      'cluster.nodes[0].cpu',
      'cluster.nodes[0].memory',
      'cluster.nodes[0].tailscaleIP',
    ]);
    expect(problems.every((p) => p.hint)).toBe(true);
  });
});
