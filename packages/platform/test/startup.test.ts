import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRenderBundle, platformDigest } from '../src/startup/render-bundle.js';
import { tempDir } from './helpers.js';

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A workspace with an installed platform build and, optionally, a kit whose bundle names a digest. */
function installed(options: {
  kit: boolean;
  digest?: (platformDir: string) => string;
  encoding?: 'ascii';
}): string {
  const ws = tempDir('ultron-startup-');
  const dependencies = options.kit ? { '@ultron/workload-kit': '^1.0.0' } : {};
  write(join(ws, 'package.json'), `${JSON.stringify({ name: 'ws', type: 'module', dependencies })}\n`);
  const platform = join(ws, 'node_modules/@ultron/platform');
  write(join(platform, 'package.json'), '{"name":"@ultron/platform","version":"1.0.0","type":"module"}\n');
  write(join(platform, 'dist/index.js'), 'export * from "./chunk-AAAA.js";\n');
  write(join(platform, 'dist/core.js'), 'export * from "./chunk-BBBB.js";\n');
  if (options.kit) {
    const kit = join(ws, 'node_modules/@ultron/workload-kit');
    write(join(kit, 'package.json'), '{"name":"@ultron/workload-kit","version":"1.0.0","type":"module"}\n');
    write(
      join(kit, 'dist/render/bundle.json'),
      JSON.stringify({
        platformVersion: '1.0.0',
        platformDigest: (options.digest ?? platformDigest)(platform),
        entries: { '@ultron/platform/core': './platform-core.js', '#run': './run.js' },
        ...(options.encoding ? { encoding: options.encoding } : {}),
      }),
    );
  }
  return ws;
}

describe('findRenderBundle', () => {
  it('maps the packages to the kit bundle built from the installed platform', () => {
    const ws = installed({ kit: true });
    const found = findRenderBundle(ws);
    const bundle = join(realpathSync(ws), 'node_modules/@ultron/workload-kit/dist/render');
    expect(found?.urls.get('#run')).toBe(pathToFileURL(join(bundle, 'run.js')).href);
    expect(found?.urls.get('@ultron/platform/core')).toBe(
      pathToFileURL(join(bundle, 'platform-core.js')).href,
    );
    expect(found?.dir).toBe(`${pathToFileURL(bundle).href}/`);
    // Read as Latin-1 only when the kit's build said it checked the files are ASCII.
    expect(found?.ascii).toBe(false);
    expect(findRenderBundle(installed({ kit: true, encoding: 'ascii' }))?.ascii).toBe(true);
  });

  it('refuses a bundle built from another platform build', () => {
    const ws = installed({ kit: true });
    expect(findRenderBundle(ws)).toBeDefined();
    // The platform is rebuilt (a chunk changed, so its entry files name another chunk): the bundle is stale.
    write(join(ws, 'node_modules/@ultron/platform/dist/core.js'), 'export * from "./chunk-CCCC.js";\n');
    expect(findRenderBundle(ws)).toBeUndefined();
  });

  it('finds nothing for a workspace without the kit', () => {
    expect(findRenderBundle(installed({ kit: false }))).toBeUndefined();
  });

  it('ignores a kit the workspace does not depend on (hoisted: the build does not wait for it)', () => {
    const ws = installed({ kit: true });
    write(
      join(ws, 'package.json'),
      '{"name":"ws","type":"module","dependencies":{"@ultron/platform":"^1.0.0"}}\n',
    );
    expect(findRenderBundle(ws)).toBeUndefined();
  });
});

describe('the type-stripping cache', () => {
  const register = pathToFileURL(join(import.meta.dirname, '../src/startup/strip-cache.ts')).href;

  /** A fresh process with the cache on, importing the module and printing its `value`. */
  function importInChild(cache: string, module: string): string {
    // The source's own imports say `.js` (what the build emits); Node runs the `.ts` files here.
    const script = `import { registerHooks } from 'node:module';
registerHooks({ resolve: (specifier, context, next) =>
  next(specifier.startsWith('./') ? specifier.replace(/\\.js$/, '.ts') : specifier, context) });
const { registerStripCache } = await import(${JSON.stringify(register)});
registerStripCache(${JSON.stringify(cache)});
const { value } = await import(${JSON.stringify(pathToFileURL(module).href)});
process.stdout.write(String(value));`;
    return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, ULTRON_STRIP_CACHE: '1' },
    });
  }

  it('strips a workspace file once, then runs the stored JavaScript', () => {
    const dir = tempDir('ultron-strip-');
    const cache = join(dir, 'cache');
    write(join(dir, 'package.json'), '{"type":"module"}\n');
    const module = join(dir, 'workload.ts');
    write(module, 'const base: number = 41;\nexport const value: number = base + 1;\n');

    expect(importInChild(cache, module)).toBe('42');
    const [stored, ...more] = readdirSync(cache).filter((f) => f.endsWith('.js'));
    expect(more).toEqual([]);
    const js = readFileSync(join(cache, stored!), 'utf8');
    expect(js).not.toContain(': number');
    expect(js).toContain('export const value');

    // The next process reads the stored file instead of stripping: what it holds is what runs.
    writeFileSync(join(cache, stored!), 'export const value = "from the cache";\n');
    expect(importInChild(cache, module)).toBe('from the cache');

    // A changed source is another key: stripped afresh.
    write(module, 'export const value: string = "edited";\n');
    expect(importInChild(cache, module)).toBe('edited');
    const stored2 = readdirSync(cache).filter((f) => f.endsWith('.js'));
    expect(stored2).toHaveLength(2);

    // A value edited: derived from the file's last stripped form (kept in last-*.json), not stripped
    // again. Marked here in a place stripping blanked (`: string`), the derivation shows in what runs.
    const [last, ...others] = readdirSync(cache).filter((f) => f.startsWith('last-'));
    expect(others).toEqual([]);
    const previous = JSON.parse(readFileSync(join(cache, last!), 'utf8')) as { source: string; js: string };
    expect(previous.js).toBe('export const value         = "edited";\n');
    writeFileSync(
      join(cache, last!),
      JSON.stringify({ ...previous, js: previous.js.replace('         =', '/*mark*/ =') }),
    );
    write(module, 'export const value: string = "edited again";\n');
    expect(importInChild(cache, module)).toBe('edited again');
    const derived = readdirSync(cache).filter((f) => f.endsWith('.js') && !stored2.includes(f));
    expect(derived).toHaveLength(1);
    expect(readFileSync(join(cache, derived[0]!), 'utf8')).toBe(
      'export const value/*mark*/ = "edited again";\n',
    );
  });
});
