import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type LoadHookContext, registerHooks, stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentKey } from './content-key.js';

/**
 * Workspace files (`workload.ts`, `slice.ts`, `cluster.ts`) are TypeScript run by Node's type stripping.
 * Stripping is done by a WebAssembly build of swc that Node compiles in every process that loads a `.ts`
 * file: ~60 ms of CPU, three times `node -e 0`, for two files of a few hundred bytes. This load hook keeps
 * the stripped JavaScript on disk, keyed by the source text and the Node version, so a process whose
 * sources did not change never loads the stripper. The output is what Node itself would run (the same
 * strip-only transform, positions preserved), so renders are unaffected.
 *
 * A source not in the cache is usually the file's previous source with a value edited (an image tag):
 * then its stripped form is derived from the previous one without the stripper (below).
 *
 * The cache sits beside Node's compile cache in the OS temp folder; `ULTRON_STRIP_CACHE=0` turns it off.
 */
export function registerStripCache(dir = join(tmpdir(), 'ultron-strip-cache')): void {
  if (process.env.ULTRON_STRIP_CACHE === '0') return;
  registerHooks({
    load(url, context, nextLoad) {
      // Only ES module TypeScript outside node_modules (Node refuses to strip there anyway).
      if (!isWorkspaceTypeScript(url, context)) return nextLoad(url, context);
      const path = fileURLToPath(url);
      const source = readFileSync(path, 'utf8');
      const key = contentKey(process.version, source);
      const file = join(dir, `${key}.js`);
      let js: string;
      try {
        js = readFileSync(file, 'utf8');
      } catch {
        // A source not seen before: most often the last one of this file with a value edited, which
        // needs no stripper (below).
        const last = join(dir, `last-${contentKey(process.version, path)}.json`);
        js = restripFrom(last, source) ?? strip(source);
        store(dir, file, js);
        store(dir, last, JSON.stringify({ source, js }));
      }
      return { format: 'module', source: js, shortCircuit: true };
    },
  });
}

/** `source` stripped by editing the stripped form of the file's last source (in `last`), if that can be done. */
function restripFrom(last: string, source: string): string | undefined {
  try {
    const previous = JSON.parse(readFileSync(last, 'utf8')) as { source?: unknown; js?: unknown };
    if (typeof previous.source !== 'string' || typeof previous.js !== 'string') return undefined;
    return restrip(previous.source, previous.js, source);
  } catch {
    return undefined;
  }
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

// ---------------------------------------------------------------------------------------------------
/**
 * Stripping an edited file again without the stripper, when the edit only changed string values.
 *
 * The usual edit of a workspace file is a value: a new image tag, a host, an env var. Node's type
 * stripping (a WebAssembly build of swc, ~0.1 s of CPU to load in each process) replaces types with
 * whitespace of the same length and leaves everything else where it was. So when the new source has the
 * same code as a source already stripped, string literals aside, its stripped form is the old stripped
 * form with the changed strings put back in: code is copied from the old output position for position,
 * strings from the new source. A changed string that stripping had blanked (it was part of a type) needs
 * the stripper; so do template literals and `/` outside comments (regular expression or division: not
 * told apart here). Anything this cannot show to be safe returns undefined and the stripper runs.
 */

interface Segment {
  string: boolean;
  start: number;
  end: number;
}

/** The source as alternating code and string-literal segments, or undefined where unsure. */
export function stringSegments(source: string): Segment[] | undefined {
  const segments: Segment[] = [];
  let codeStart = 0;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '`') return undefined;
    if (c === '/') {
      const next = source[i + 1];
      if (next === '/') {
        const end = source.indexOf('\n', i);
        i = end < 0 ? source.length : end;
        continue;
      }
      if (next === '*') {
        const end = source.indexOf('*/', i + 2);
        if (end < 0) return undefined;
        i = end + 2;
        continue;
      }
      return undefined;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') j += 2;
        else if (source[j] === '\n' || source[j] === '\r') return undefined;
        else j++;
      }
      if (j >= source.length) return undefined;
      segments.push({ string: false, start: codeStart, end: i }, { string: true, start: i, end: j + 1 });
      codeStart = j + 1;
      i = j + 1;
      continue;
    }
    i++;
  }
  segments.push({ string: false, start: codeStart, end: source.length });
  return segments;
}

/**
 * What stripping `source` gives, derived from an earlier source of the same file and its stripped form;
 * undefined unless only string values changed (see above).
 */
export function restrip(previous: string, previousStripped: string, source: string): string | undefined {
  if (previousStripped.length !== previous.length) return undefined;
  const before = stringSegments(previous);
  const after = stringSegments(source);
  if (!before || !after || before.length !== after.length) return undefined;
  let out = '';
  for (let k = 0; k < before.length; k++) {
    const a = before[k]!;
    const b = after[k]!;
    const oldText = previous.slice(a.start, a.end);
    const newText = source.slice(b.start, b.end);
    const stripped = previousStripped.slice(a.start, a.end);
    if (!a.string) {
      if (oldText !== newText) return undefined;
      out += stripped;
    } else if (oldText === newText) {
      out += stripped;
    } else {
      // Changed: only a string the stripper kept as it was (a value) may be swapped.
      if (stripped !== oldText) return undefined;
      out += newText;
    }
  }
  return out;
}
