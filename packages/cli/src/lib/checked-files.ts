import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** SHA-256 of each file content, computed once per process however many verdicts read it. */
const hashes = new Map<string, string>();
export function contentHash(content: string): string {
  let hash = hashes.get(content);
  if (hash === undefined) {
    hash = createHash('sha256').update(content).digest('base64url');
    hashes.set(content, hash);
  }
  return hash;
}

/**
 * The file contents that passed a check whose verdict depends on a file's content alone (every `object`
 * rule; the strict CRD schemas), remembered in `file` (its name says what else decides the verdict: the
 * rules' code, the CRDs). A one-app change then re-judges that app's changed files only. A content that
 * failed is never remembered, so its problems are reported on every run; only the contents of the
 * current tree are kept, so the file does not grow with every image tag ever built.
 */
export class CheckedFiles {
  readonly #passed: ReadonlySet<string>;
  readonly file: string;

  constructor(file: string) {
    this.file = file;
    let passed: string[] = [];
    try {
      if (existsSync(file)) passed = JSON.parse(readFileSync(file, 'utf8')) as string[];
    } catch {
      passed = [];
    }
    this.#passed = new Set(passed);
  }

  passed(content: string): boolean {
    return this.#passed.has(contentHash(content));
  }

  /** Replaces the record with exactly these contents (each passed, in this run or remembered). */
  save(contents: Iterable<string>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}`;
    writeFileSync(temp, JSON.stringify([...new Set([...contents].map(contentHash))].sort()));
    renameSync(temp, this.file);
  }
}
