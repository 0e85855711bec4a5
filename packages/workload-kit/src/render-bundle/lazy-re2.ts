import { createRequire } from 'node:module';

interface Re2 {
  test(text: string): boolean;
}

/**
 * Stands in for `@kubernetes-models/validate/runtime/re2` inside the bundle. A few prometheus-operator
 * schemas check Go-syntax patterns with RE2, and build them when their module is evaluated: that compiles
 * re2-wasm's WebAssembly (~80 ms) in every render process, although no object we render sets those
 * fields. This builds the same RE2 on the first test, so validation is unchanged and free when unused.
 */
export default class LazyRE2 {
  #re: Re2 | undefined;
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}

  test(text: string): boolean {
    if (!this.#re) {
      const { RE2 } = createRequire(import.meta.url)('re2-wasm') as {
        RE2: new (source: string, flags: string) => Re2;
      };
      this.#re = new RE2(this.source, this.flags);
    }
    return this.#re.test(text);
  }
}
