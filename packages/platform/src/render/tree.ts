import { describe, type Manifest } from './manifest.js';

/** What one file of the rendered tree holds before serialization. */
export type FileContent = { type: 'manifests'; manifests: Manifest[] } | { type: 'text'; text: string };

/** The stable file name of one object: `<kind>-<name>.yaml`. Kinds have no dashes, so it never collides. */
export function objectFileName(manifest: Pick<Manifest, 'kind' | 'metadata'>): string {
  return `${manifest.kind.toLowerCase()}-${manifest.metadata?.name ?? ''}.yaml`;
}

function joinPath(dir: string, file: string): string {
  return dir ? `${dir.replace(/\/+$/, '')}/${file}` : file;
}

/**
 * An in-memory slice of the GitOps tree: paths (relative to the tree's root, `/`-separated) to content.
 * Builders only ever add to a Tree; the writer is the only code that touches disk.
 */
export class Tree {
  readonly #files = new Map<string, FileContent>();

  /** Puts each object in its own file named after its kind and name. */
  addObjects(dir: string, manifests: readonly Manifest[]): this {
    for (const m of manifests) this.addFile(joinPath(dir, objectFileName(m)), [m]);
    return this;
  }

  /** Puts the given objects, in order, into one multi-document file at an explicit path. */
  addFile(path: string, manifests: readonly Manifest[]): this {
    for (const m of manifests)
      if (!m.metadata?.name) throw new Error(`a ${m.kind} without a name was added to ${path}`);
    this.#claim(path, manifests.map(describe).join(', '));
    this.#files.set(path, { type: 'manifests', manifests: [...manifests] });
    return this;
  }

  /** A non-Kubernetes file: a README, a Helm values file, a k3s config. */
  addText(path: string, text: string): this {
    this.#claim(path, 'text');
    this.#files.set(path, { type: 'text', text: text.endsWith('\n') ? text : `${text}\n` });
    return this;
  }

  #claim(path: string, what: string): void {
    if (!/^[a-z0-9][a-z0-9._/-]*$/i.test(path) || path.split('/').some((s) => s === '..' || s === '')) {
      throw new Error(`invalid tree path "${path}"`);
    }
    if (this.#files.has(path)) throw new Error(`two outputs claim ${path} (${what})`);
  }

  get paths(): string[] {
    return [...this.#files.keys()].sort();
  }

  get(path: string): FileContent | undefined {
    return this.#files.get(path);
  }

  /** Every object in the tree, in path order. */
  get manifests(): Manifest[] {
    return this.paths.flatMap((p) => {
      const f = this.#files.get(p)!;
      return f.type === 'manifests' ? f.manifests : [];
    });
  }

  entries(): [string, FileContent][] {
    return this.paths.map((p) => [p, this.#files.get(p)!]);
  }
}
