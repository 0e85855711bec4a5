import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type LoadHookContext, registerHooks, stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Workspace files (`workload.ts`, `slice.ts`, `cluster.ts`) are TypeScript run by Node's type stripping.
 * Stripping is done by a WebAssembly build of swc that Node compiles in every process that loads a `.ts`
 * file: ~60 ms of CPU, three times `node -e 0`, for two files of a few hundred bytes. This load hook keeps
 * the stripped JavaScript on disk, keyed by the source text and the Node version, so a process whose
 * sources did not change never loads the stripper. The output is what Node itself would run (the same
 * strip-only transform, positions preserved), so renders are unaffected.
 *
 * The cache sits beside Node's compile cache in the OS temp folder; `ULTRON_STRIP_CACHE=0` turns it off.
 */
export function registerStripCache(dir = join(tmpdir(), 'ultron-strip-cache')): void {
  if (process.env.ULTRON_STRIP_CACHE === '0') return;
  registerHooks({
    load(url, context, nextLoad) {
      // Only ES module TypeScript outside node_modules (Node refuses to strip there anyway).
      if (!isWorkspaceTypeScript(url, context)) return nextLoad(url, context);
      const source = readFileSync(fileURLToPath(url), 'utf8');
      const key = createHash('sha256').update(process.version).update('\0').update(source).digest('hex');
      const file = join(dir, `${key}.js`);
      let js: string;
      try {
        js = readFileSync(file, 'utf8');
      } catch {
        js = strip(source);
        store(dir, file, js);
      }
      return { format: 'module', source: js, shortCircuit: true };
    },
  });
}

function isWorkspaceTypeScript(url: string, context: LoadHookContext): boolean {
  return context.format === 'module-typescript' && url.startsWith('file:') && !url.includes('/node_modules/');
}

/** Node's own strip-only transform; its "experimental" warning would be noise on every cache miss. */
function strip(source: string): string {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (!text.includes('stripTypeScriptTypes')) Reflect.apply(emitWarning, process, [warning, ...rest]);
  }) as typeof process.emitWarning;
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Written under a unique name and renamed: parallel workspace builds never read a half-written file. */
function store(dir: string, file: string, js: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, js);
    renameSync(tmp, file);
  } catch {
    // A read-only or full temp folder only costs the next process a strip.
  }
}
