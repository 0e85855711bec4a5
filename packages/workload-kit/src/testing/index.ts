import {
  type Cluster,
  type ClusterInput,
  defineCluster,
  isUserError,
  type PlainManifest,
  renderSlice,
  workloadDir,
} from '@ultron/platform/core';
import type { Capability, MergedContributions } from '../capabilities/capability.js';
import { capabilities } from '../capabilities/index.js';
import { parseWorkload } from '../definition/parse.js';
import type { WorkloadInput } from '../definition/schema.js';
import { contributionsOf } from '../recipe/compose.js';
import { defineWorkload } from '../workload.js';

/** A small single-node cluster to render against when the test is not about the cluster. */
export const TEST_CLUSTER_INPUT: ClusterInput = {
  gitops: { repoURL: 'https://github.com/acme/gitops.git' },
  authDomain: 'acme.dev',
  acme: { email: 'ops@acme.dev' },
  nodes: [{ name: 'ultron', cpu: '4', memory: '24Gi', tailscaleIP: '100.64.0.1' }],
  objectStorage: { namespace: 'acmens', region: 'eu-frankfurt-1', bucket: 'pg-backups' },
  imageOwner: 'acme',
};

/** The test cluster, with some settings changed (e.g. `{ storageClass: 'longhorn' }`). */
export function testCluster(changes: Partial<ClusterInput> = {}): Cluster {
  return defineCluster({ ...TEST_CLUSTER_INPUT, ...changes });
}

export interface RenderOptions {
  /** Default: `testCluster()`. */
  cluster?: Cluster;
  /** Default: the kit's registry. A copy with one more line renders a capability of your own. */
  capabilities?: readonly Capability[];
}

/** What one definition rendered: the files as the build writes them, and their objects to query. */
export interface RenderedWorkload {
  /** Tree path → file text, byte for byte what `pnpm turbo build` writes. */
  files: Map<string, string>;
  /** Every object with the file it is in. */
  objects: { file: string; manifest: PlainManifest }[];
  /** The objects of a kind (`'NetworkPolicy'`), or of a kind and name; `T`: the fields the test reads. */
  all<T extends object = object>(kind: string, name?: string): (PlainManifest & T)[];
  /** The one object of this kind and name; throws, naming the objects of that kind, when there is none. */
  get<T extends object = object>(kind: string, name: string): PlainManifest & T;
  /** What the capabilities contributed to each other: env, egress, alerts, secrets, budget, backups. */
  contributions: MergedContributions;
}

/**
 * Renders a definition in memory, as the build would (same validation, same checks on the objects,
 * same bytes), so a test can query the result. Throws the build's UserError for a bad definition.
 */
export function renderWorkload(input: WorkloadInput, options: RenderOptions = {}): RenderedWorkload {
  const cluster = options.cluster ?? testCluster();
  const registry = options.capabilities ?? capabilities;
  const rendered = renderSlice(defineWorkload(cluster, input, registry), workloadDir(String(input.name)));
  const objects = (rendered.objects ?? []).map(({ file, manifest }) => ({ file, manifest }));
  const all = <T extends object>(kind: string, name?: string) =>
    objects
      .map((o) => o.manifest as PlainManifest & T)
      .filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  return {
    files: rendered.files,
    objects,
    all,
    get<T extends object>(kind: string, name: string) {
      const [found] = all<T>(kind, name);
      if (found) return found;
      const names = all(kind)
        .map((m) => m.metadata.name)
        .sort();
      throw new Error(
        `no ${kind} "${name}" was rendered; the ${kind} objects are: ${names.join(', ') || 'none'}`,
      );
    },
    contributions: contributionsOf(cluster, parseWorkload(input, registry), registry).merged,
  };
}

/** `undefined` when the definition renders, else its problems as `<path>: <message>` lines. */
export function problemsOf(input: WorkloadInput, options: RenderOptions = {}): string[] | undefined {
  try {
    renderWorkload(input, options);
    return undefined;
  } catch (error) {
    if (isUserError(error)) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
}
