import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from './sha256.js';

/**
 * The imports this process resolves, as edges from importing module to imported file. Node resolves each
 * import statement once, when its module first loads, and every later `import()` again; so a module
 * loaded for one workspace keeps its edges for the next, and a workspace's closure over them is every
 * file its render used, even when an earlier render in the same process loaded them first.
 */
export class ImportGraph {
  readonly #edges = new Map<string, Set<string>>();

  /**
   * Starts recording (a resolve hook). Hooks registered later run first: registered after the render
   * bundle's redirect, it sees where a package import really went (the bundle file).
   */
  static record(options: { hashSources?: boolean } = {}): ImportGraph {
    const graph = new ImportGraph();
    registerHooks({
      resolve(specifier, context, nextResolve) {
        const resolved = nextResolve(specifier, context);
        if (context.parentURL && resolved.url.startsWith('file:')) graph.add(context.parentURL, resolved.url);
        return resolved;
      },
      ...(options.hashSources
        ? {
            load(url, context, nextLoad) {
              // Before the loaders below read it (the strip cache, Node): the bytes this render runs.
              if (url.startsWith('file:') && !/\/(node_modules|dist)\//.test(url)) {
                graph.noteSource(fileURLToPath(url.replace(/[?#].*$/, '')));
              }
              return nextLoad(url, context);
            },
          }
        : {}),
    });
    return graph;
  }

  readonly #sources = new Map<string, string>();

  /**
   * Hashes a source file as it is loaded (the definition, the cluster, local modules), so that the record
   * of a render holds the bytes it ran: a file saved again mid-render then no longer matches its record,
   * and the next build renders it. Built files and installed packages are left to hashing at record time
   * (turbo orders their builds before any render).
   */
  noteSource(path: string): void {
    if (this.#sources.has(path)) return;
    try {
      this.#sources.set(path, sha256Hex(readFileSync(path)));
    } catch {
      // Unreadable: hashed (and then refused) at record time.
    }
  }

  /** The SHA-256 of each source file as it was loaded. */
  sourceHashes(): ReadonlyMap<string, string> {
    return this.#sources;
  }

  add(from: string, to: string): void {
    const targets = this.#edges.get(from);
    if (targets) targets.add(to);
    else this.#edges.set(from, new Set([to]));
  }

  /**
   * The files reachable from `roots` (module URLs), roots included, not going through `excluded` (the
   * renderer imports every workspace's definition it renders: those are not each other's inputs). File
   * paths, sorted.
   */
  files(roots: readonly string[], excluded: ReadonlySet<string> = new Set()): string[] {
    const seen = new Set<string>();
    const stack = roots.filter((r) => r.startsWith('file:'));
    while (stack.length > 0) {
      const url = stack.pop()!;
      if (seen.has(url) || (excluded.has(url) && !roots.includes(url))) continue;
      seen.add(url);
      for (const next of this.#edges.get(url) ?? []) if (!seen.has(next)) stack.push(next);
    }
    return [...seen].map((u) => fileURLToPath(u.replace(/[?#].*$/, ''))).sort();
  }
}
