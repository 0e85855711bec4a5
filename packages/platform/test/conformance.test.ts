import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { prerequisite } from '../../../testing/prerequisites.js';
import { CrdRegistry } from '../src/conformance/registry.js';
import { crdCacheDir, resolveCrds } from '../src/conformance/resolve.js';
import { stripHelmDirectives } from '../src/conformance/sources.js';
import { tempDir } from './helpers.js';

const registry = CrdRegistry.fromDirectory(join(import.meta.dirname, 'fixtures/crds'));
const widget = (
  spec: Record<string, unknown>,
  metadata: Record<string, unknown> = { name: 'w', namespace: 'ns' },
) => ({ apiVersion: 'example.io/v1', kind: 'Widget', metadata, spec }) as never;
const problems = (spec: Record<string, unknown>, metadata?: Record<string, unknown>) => {
  const v = registry.validate(widget(spec, metadata));
  return v.status === 'invalid' ? v.problems.map((p) => `${p.path} ${p.message}`) : [];
};

describe('CrdRegistry (strict)', () => {
  it('accepts a valid object and counts the CEL rules it did not evaluate', () => {
    expect(
      registry.validate(widget({ size: 3, mode: 'fast', note: null, extra: { any: { thing: 1 } } })),
    ).toEqual({
      status: 'valid',
      celRulesNotEvaluated: 1,
    });
  });

  it('gives the same verdicts from validators cached on disk by an earlier process', () => {
    const cache = tempDir('ultron-validators-');
    const samples = [
      widget({ size: 1, colour: 'red' }),
      widget({ size: 3, mode: 'fast' }),
      widget({ size: 1, items: [{ name: 'a', nmae: 'b' }] }),
    ];
    const fresh = samples.map((m) => registry.validate(m));
    const first = CrdRegistry.fromIndex(registry.toIndex()).cacheValidatorsIn(cache);
    expect(samples.map((m) => first.validate(m))).toEqual(fresh);
    expect(readdirSync(cache).filter((f) => f.endsWith('.cjs'))).toHaveLength(1);
    // A new registry loads the module written above instead of compiling.
    const second = CrdRegistry.fromIndex(registry.toIndex()).cacheValidatorsIn(cache);
    expect(samples.map((m) => second.validate(m))).toEqual(fresh);
    expect(fresh[0]).toMatchObject({ status: 'invalid' });
    // Its first use wrote V8's code cache beside it, which a later registry runs with: same verdicts.
    // (Whether V8 takes it cannot be seen in one process: V8 reuses its in-memory compilation instead.)
    const codeCaches = readdirSync(cache).filter((f) => f.endsWith(`${process.version}.v8cache`));
    expect(codeCaches).toHaveLength(1);
    expect(readFileSync(join(cache, codeCaches[0]!)).length).toBeGreaterThan(100);
    const third = CrdRegistry.fromIndex(registry.toIndex()).cacheValidatorsIn(cache);
    expect(samples.map((m) => third.validate(m))).toEqual(fresh);
  });

  it('kept as an index folder, reads only the versions it validates against, with the same verdicts', () => {
    const dir = join(tempDir('ultron-crd-index-'), 'index');
    registry.writeIndexDir(dir);
    const files = readdirSync(dir).filter((f) => f !== 'kinds.json');
    expect(files).toHaveLength(registry.size);
    const indexed = CrdRegistry.fromIndexDir(dir);
    expect(indexed.size).toBe(registry.size);
    expect(indexed.has('example.io/v1', 'Widget')).toBe(true);
    const samples = [widget({ size: 1, colour: 'red' }), widget({ size: 3 }, { name: 'w' })];
    expect(samples.map((m) => indexed.validate(m))).toEqual(samples.map((m) => registry.validate(m)));
    // A second writer finding the folder in place keeps it.
    registry.writeIndexDir(dir);
    expect(readdirSync(dir).sort()).toEqual([...files, 'kinds.json'].sort());
  });

  it('accepts int-or-string both ways', () => {
    expect(problems({ size: '3Gi' })).toEqual([]);
    expect(problems({ size: 3 })).toEqual([]);
    expect(problems({ size: true })).not.toEqual([]);
  });

  it('rejects unknown fields, naming them, at every depth', () => {
    expect(problems({ size: 1, colour: 'red' })).toEqual([
      'Widget ns/w: spec must NOT have additional properties "colour"',
    ]);
    expect(problems({ size: 1, items: [{ name: 'a', nmae: 'b' }] })).toEqual([
      'Widget ns/w: spec.items.0 must NOT have additional properties "nmae"',
    ]);
    expect(problems({ size: 1 }, { name: 'w', namespace: 'ns', label: {} })).toEqual([
      'Widget ns/w: metadata must NOT have additional properties "label"',
    ]);
  });

  it('rejects wrong enums, missing required fields and a missing namespace', () => {
    expect(problems({ size: 1, mode: 'turbo' })).toEqual([
      'Widget ns/w: spec.mode must be equal to one of the allowed values ["fast","safe"]',
    ]);
    expect(problems({})).toEqual(["Widget ns/w: spec must have required property 'size'"]);
    expect(problems({ size: 1 }, { name: 'w' })).toEqual([
      'Widget w: metadata.namespace Widget is namespaced and needs one',
    ]);
  });

  it('keeps preserve-unknown-fields and string maps open', () => {
    expect(problems({ size: 1, extra: { a: [1, 2] }, labels: { a: 'b' } })).toEqual([]);
    expect(problems({ size: 1, labels: { a: 1 } })).not.toEqual([]);
  });

  it('reports kinds no pinned CRD serves, but lets built-in kinds through', () => {
    const v = registry.validate({
      apiVersion: 'example.io/v2',
      kind: 'Widget',
      metadata: { name: 'x' },
    } as never);
    expect(v.status).toBe('invalid');
    expect(
      registry.validate({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' } } as never),
    ).toEqual({
      status: 'built-in',
    });
  });

  it('strips Helm directive lines from chart-templated CRDs', () => {
    expect(
      stripHelmDirectives(
        '{{- if .Values.crds.install }}\nkind: X\n  {{- toYaml . | nindent 4 }}\n{{- end }}',
      ),
    ).toBe('kind: X');
  });
});

describe('resolveCrds (finding the pinned CRDs)', () => {
  it('offline: says why, and leaves no partial download behind (not even an earlier crashed one)', async () => {
    const saved = { xdg: process.env.XDG_CACHE_HOME, crds: process.env.ULTRON_CRDS_DIR };
    process.env.XDG_CACHE_HOME = tempDir('ultron-xdg-');
    delete process.env.ULTRON_CRDS_DIR;
    try {
      // Port 9 (discard) refuses connections: an offline machine, quickly.
      const urls = ['http://127.0.0.1:9/a.yaml', 'http://127.0.0.1:9/b.yaml'];
      const target = crdCacheDir(urls);
      // A download killed earlier left its staging folder behind.
      mkdirSync(`${target}.partial-999999`, { recursive: true });
      const result = await resolveCrds({ urls, timeoutMs: 2000 });
      expect('skip' in result && result.skip).toMatch(/could not be downloaded/);
      expect(readdirSync(dirname(target))).toEqual([]);
    } finally {
      process.env.XDG_CACHE_HOME = saved.xdg;
      if (saved.crds) process.env.ULTRON_CRDS_DIR = saved.crds;
    }
  });
});

/** The CRDs of the pinned versions, from the one setting CI points at ../shared. */
const pinnedCrds = process.env.ULTRON_CRDS_DIR;
const pinnedAvailable = prerequisite('pinned CRDs read', pinnedCrds ? null : 'ULTRON_CRDS_DIR is not set');

describe.skipIf(!pinnedAvailable)('reading the pinned CRDs', () => {
  it('fromDirectory (js-yaml, core schema) reads exactly the schemas the `yaml` package reads', () => {
    const dir = pinnedCrds!;
    const expected = new Map<string, unknown>();
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !/\.ya?ml$/.test(e.name)) continue;
      for (const doc of parseAllDocuments(readFileSync(join(e.parentPath, e.name), 'utf8'))) {
        const crd = doc.toJS() as {
          kind?: string;
          spec?: {
            group: string;
            names: { kind: string };
            versions: { name: string; served: boolean; schema?: { openAPIV3Schema: unknown } }[];
          };
        };
        if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
        for (const v of crd.spec.versions)
          if (v.served && v.schema)
            expected.set(`${crd.spec.group}/${v.name}:${crd.spec.names.kind}`, v.schema.openAPIV3Schema);
      }
    }
    const read = new Map(
      CrdRegistry.fromDirectory(dir)
        .toIndex()
        .map(([key, v]) => [key, v.schema]),
    );
    expect(read.size).toBeGreaterThan(50);
    expect([...read.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, schema] of expected) expect(read.get(key), key).toStrictEqual(schema);
    // The `yaml` package takes seconds to read them all: more than the default timeout on a busy machine.
  }, 180_000);
});
