import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrdRegistry } from '../src/conformance/registry.js';
import { stripHelmDirectives } from '../src/conformance/sources.js';

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
