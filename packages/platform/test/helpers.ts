import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';

export function tempDir(prefix = 'ultron-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under `dir`, path → content, for byte-level comparisons. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
  }
  return out;
}

export function configMap(name: string, data: Record<string, string> = { key: 'value' }): ConfigMap {
  return new ConfigMap({ metadata: { name, namespace: 'demo', labels: { z: '1', a: '2' } }, data });
}
