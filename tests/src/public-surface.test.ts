import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findRepoRoot } from '@ultron/platform';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = findRepoRoot(import.meta.dirname);

/** The published packages: every entry of their `exports` map that has types. */
const PACKAGES = ['packages/platform', 'packages/workload-kit'];

interface Entry {
  specifier: string;
  source: string;
}

function entriesOf(dir: string): Entry[] {
  const pkg = JSON.parse(readFileSync(join(repo, dir, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, { types?: string } | string>;
  };
  return Object.entries(pkg.exports).flatMap(([key, target]) => {
    const types = typeof target === 'string' ? undefined : target.types;
    if (!types?.startsWith('./dist/')) return [];
    const base = join(repo, dir, 'src', types.slice('./dist/'.length).replace(/\.d\.ts$/, ''));
    const source = existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts');
    return [{ specifier: key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`, source }];
  });
}

/** Every name (value or type) an entry exports, read by the TypeScript checker from its source. */
function exportedNames(entries: readonly Entry[]): Map<string, string[]> {
  const program = ts.createProgram(
    entries.map((e) => e.source),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const out = new Map<string, string[]>();
  for (const e of entries) {
    const file = program.getSourceFile(e.source);
    const symbol = file && checker.getSymbolAtLocation(file);
    out.set(e.specifier, symbol ? checker.getExportsOfModule(symbol).map((s) => s.getName()) : []);
  }
  return out;
}

/** Source files of the repo outside `dir` (the other packages, workspaces, tests, bench). */
function filesOutside(dir: string): string[] {
  const skip = new Set(['node_modules', 'dist', 'gitops', '.git', '.turbo', '.ultron']);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (skip.has(e.name)) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (relative(repo, full) !== dir) walk(full);
      } else if (/\.(ts|mts|js|mjs)$/.test(e.name)) out.push(full);
    }
  };
  walk(repo);
  return out;
}

/** Names imported (or re-exported) from `specifier` by any of `files`. */
function namesImported(specifier: string, files: readonly string[]): Set<string> {
  const escaped = specifier.replace(/[/.@-]/g, (c) => `\\${c}`);
  // `import { a, type B } from '<specifier>'`, `export { … } from …` and `const { a } = await import('<specifier>')`.
  const pattern = new RegExp(
    `(?:(?:import|export)\\s+(?:type\\s+)?\\{([^}]*)\\}\\s+from\\s+|const\\s+\\{([^}]*)\\}\\s*=\\s*await\\s+import\\()'${escaped}'`,
    'g',
  );
  const names = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) {
      for (const part of (m[1] ?? m[2]!).split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim();
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/** Names the package README documents as user API: a backticked name in its "## API" section. */
function documentedNames(dir: string): Set<string> {
  let readme = '';
  try {
    readme = readFileSync(join(repo, dir, 'README.md'), 'utf8');
  } catch {
    return new Set();
  }
  const section = /^## API\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  return new Set([...section.matchAll(/`([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!));
}

describe.each(PACKAGES)('the public surface of %s', (dir) => {
  const entries = entriesOf(dir);
  const exported = exportedNames(entries);
  const others = filesOutside(dir);
  const documented = documentedNames(dir);

  it('has entries with exports', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(exported.get(e.specifier)?.length, e.specifier).toBeGreaterThan(0);
  });

  it('exports only what another workspace imports or the README documents as user API', () => {
    // An entry may re-export another's names (`@ultron/platform` holds all of `/core`): a name imported
    // through any entry of the package counts.
    const used = new Set(entries.flatMap((e) => [...namesImported(e.specifier, others)]));
    const unused = entries.flatMap((e) => {
      return (exported.get(e.specifier) ?? [])
        .filter((name) => !used.has(name) && !documented.has(name))
        .map((name) => `${e.specifier}: ${name}`);
    });
    expect(unused, 'remove the export, or document it under "## API" in the README').toEqual([]);
  });
});
