import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, type PlainManifest } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { parseWorkload, type Workload, type WorkloadInput } from '@ultron/workload-kit';

export const repoRoot = findRepoRoot(import.meta.dirname);
export const tree = loadTree(join(repoRoot, 'gitops'));

/** One app as the cluster sees it: its parsed definition (the metrics contract) and what the tree renders for it. */
export interface RenderedWorkload {
  w: Workload;
  objects: PlainManifest[];
  /** The one object of `kind` in the app's folders (rendered YAML: untyped data for the caller to shape). */
  one(kind: string): unknown;
}

/** Every workload of the repo: `workloads/<app>/workload.ts`, parsed as the kit parses it. */
export async function renderedWorkloads(): Promise<RenderedWorkload[]> {
  const dirs = readdirSync(join(repoRoot, 'workloads'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const out: RenderedWorkload[] = [];
  for (const dir of dirs) {
    const mod = (await import(join(repoRoot, 'workloads', dir, 'workload.ts'))) as {
      default: { input: WorkloadInput };
    };
    const w = parseWorkload(mod.default.input);
    const objects = tree.filter((o) => o.file.startsWith(`workloads/${w.name}/`)).map((o) => o.manifest);
    out.push({
      w,
      objects,
      one(kind) {
        const found = objects.filter((o) => o.kind === kind);
        if (found.length !== 1) throw new Error(`${w.name}: expected one ${kind}, found ${found.length}`);
        return found[0]!;
      },
    });
  }
  return out;
}
