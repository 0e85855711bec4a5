import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it, vi } from 'vitest';
import { isUserError } from '../src/errors/problem.js';
import { renderSlice, type Slice } from '../src/render/slice.js';
import { Tree } from '../src/render/tree.js';
import { bundleEngine, readValidated, writeValidated } from '../src/render/validated-memo.js';
import { configMap, tempDir } from './helpers.js';

/** A slice of two ConfigMaps (schema-checked) and a Service whose port is invalid when `badPort`. */
function slice(tag: string, badPort = false): Slice {
  return {
    owns: ['workloads/demo'],
    build: () =>
      new Tree().addObjects('workloads/demo', [
        configMap('one', { tag }),
        configMap('two'),
        new Service({
          metadata: { name: 'svc', namespace: 'demo' },
          spec: { ports: [{ port: badPort ? ('eighty' as unknown as number) : 80 }] },
        }),
      ]),
  };
}

/** Counts `validate()` calls on every kubernetes-models object while `fn` runs. */
function validations(fn: () => void): number {
  const spies = [configMap('x'), new Service({})].map((o) =>
    vi.spyOn(Object.getPrototypeOf(o) as { validate(): void }, 'validate'),
  );
  try {
    fn();
    return spies.reduce((n, s) => n + s.mock.calls.length, 0);
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

describe('the memo of objects already found valid', () => {
  it('skips the schema check of objects found valid before, byte for byte, and checks the rest', () => {
    let first: ReturnType<typeof renderSlice> | undefined;
    expect(
      validations(() => (first = renderSlice(slice('v1'), 'workloads/demo', { validated: new Set() }))),
    ).toBe(3);
    expect(first?.validated).toHaveLength(3);
    const memo = new Set(first?.validated);
    // The same objects: nothing checked again; one value edited: that object only.
    expect(validations(() => renderSlice(slice('v1'), 'workloads/demo', { validated: memo }))).toBe(0);
    let edited: ReturnType<typeof renderSlice> | undefined;
    expect(
      validations(() => (edited = renderSlice(slice('v2'), 'workloads/demo', { validated: memo }))),
    ).toBe(1);
    // The output does not depend on the memo.
    expect(edited?.files).toEqual(renderSlice(slice('v2'), 'workloads/demo').files);
    // Without a memo, every object is checked and nothing is listed.
    let plain: ReturnType<typeof renderSlice> | undefined;
    expect(validations(() => (plain = renderSlice(slice('v1'), 'workloads/demo')))).toBe(3);
    expect(plain?.validated).toBeUndefined();
  });

  it('still reports an invalid object that is not in the memo', () => {
    const memo = new Set(renderSlice(slice('v1'), 'workloads/demo', { validated: new Set() }).validated);
    try {
      renderSlice(slice('v1', true), 'workloads/demo', { validated: memo });
      expect.unreachable('the invalid Service must be reported');
    } catch (error) {
      expect(isUserError(error) && error.problems.map((p) => p.path)).toEqual([
        'Service demo/svc: spec.ports.0.port',
      ]);
    }
  });

  it('belongs to one engine: the render bundle, by its files', () => {
    const dir = tempDir('ultron-engine-');
    const run = pathToFileURL(join(dir, 'run.js')).href;
    writeFileSync(join(dir, 'run.js'), 'export {};\n');
    expect(bundleEngine(run)).toBeUndefined();
    writeFileSync(join(dir, 'bundle.json'), '{}\n');
    const engine = bundleEngine(run)!;
    expect(engine).toMatch(/^[0-9a-f]{32}$/);
    expect(bundleEngine(run)).toBe(engine);
    // Rebuilt or restored (another modification time): another engine.
    utimesSync(join(dir, 'run.js'), new Date(0), new Date(0));
    expect(bundleEngine(run)).not.toBe(engine);

    const ws = tempDir('ultron-memo-');
    expect(readValidated(ws, engine).size).toBe(0);
    writeValidated(ws, engine, ['{"kind":"A"}']);
    expect([...readValidated(ws, engine)]).toEqual(['{"kind":"A"}']);
    expect(readValidated(ws, 'another engine').size).toBe(0);
  });
});
