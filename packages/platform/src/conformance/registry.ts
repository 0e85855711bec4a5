import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { Ajv, ValidateFunction } from 'ajv';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import type { Problem } from '../errors/problem.js';
import { describe, type PlainManifest } from '../render/manifest.js';
import { crdVersionToJsonSchema } from './openapi-to-json-schema.js';

/** Kinds served by Kubernetes itself; kubernetes-models checks them at build time. */
const BUILT_IN_GROUPS = new Set([
  'v1',
  'apps/v1',
  'batch/v1',
  'networking.k8s.io/v1',
  'policy/v1',
  'rbac.authorization.k8s.io/v1',
  'autoscaling/v2',
  // ValidatingAdmissionPolicy and its binding (GA since Kubernetes 1.30).
  'admissionregistration.k8s.io/v1',
]);

export interface CrdVersion {
  scope: 'Namespaced' | 'Cluster';
  schema: Record<string, unknown>;
  celRules: number;
}

export type Verdict =
  | { status: 'valid'; celRulesNotEvaluated: number }
  | { status: 'built-in' }
  | { status: 'invalid'; problems: Problem[] };

function listYaml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * CRD patterns are Go (RE2) regular expressions. JavaScript lacks RE2's inline flags, so `(?i)` becomes
 * the `i` flag for the whole pattern (in these CRDs it always leads the pattern after `^`); anything else
 * JavaScript cannot compile is reported, not ignored.
 */
function goRegExp(pattern: string, flags: string) {
  const caseless = pattern.includes('(?i)');
  const source = pattern.replaceAll('(?i)', '');
  try {
    return new RegExp(source, caseless && !flags.includes('i') ? `${flags}i` : flags);
  } catch (error) {
    throw new Error(
      `CRD pattern ${JSON.stringify(pattern)} is not valid in JavaScript: ${(error as Error).message}`,
    );
  }
}
// How standalone validator code (the on-disk cache below) reaches this function: a global set once here.
goRegExp.code = 'globalThis.__ultronGoRegExp';
(globalThis as { __ultronGoRegExp?: unknown }).__ultronGoRegExp = goRegExp;

const AJV_OPTIONS = { strict: false, allErrors: true, validateFormats: false } as const;
/**
 * ajv's generated-code optimisation passes (dropping unused names) were two thirds of compiling these large
 * schemas (3.0 s → 1.1 s for the five largest kinds) and change no verdict: off.
 */
const CODE_OPTIONS = { regExp: goRegExp, optimize: false } as const;
const requireHere = createRequire(import.meta.url);
/**
 * ajv's compiler, loaded on the first schema compiled in this process: a build whose validators are all
 * cached (every build after the first on a machine) never loads its ~100 modules.
 */
type AjvOptions = ConstructorParameters<typeof Ajv>[0];
const newAjv = (options: AjvOptions): Ajv =>
  new (requireHere('ajv') as { Ajv: new (o: AjvOptions) => Ajv }).Ajv(options);
type StandaloneCode = (ajv: Ajv, validate: ValidateFunction) => string;
/** ajv's standalone generator is CommonJS whose export is the function itself; loaded only when used. */
const standaloneCode: StandaloneCode = (ajv, validate) =>
  (requireHere('ajv/dist/standalone') as StandaloneCode)(ajv, validate);

/** The ajv release that generated a cached validator: its runtime helpers must be the same release's. */
const AJV_VERSION = (requireHere('ajv/package.json') as { version: string }).version;

// How a cached validator reaches ajv's runtime helpers (the `ajv` this package loaded): a global set once
// here, like the RE2 patterns above, so the module holds no path and any clone can load it.
(globalThis as { __ultronAjvRequire?: unknown }).__ultronAjvRequire = requireHere;

/**
 * A compiled validator as a CommonJS module (ajv's standalone code), so the next process loads it in
 * milliseconds instead of compiling the schema again (the Rollout's takes about half a second). Its few
 * imports of ajv's runtime helpers go through `__ultronAjvRequire`.
 */
function standaloneModule(ajv: Ajv, validate: ValidateFunction): string {
  return standaloneCode(ajv, validate).replace(
    /require\("(ajv\/dist\/runtime\/[^"]+)"\)/g,
    (_: string, id: string) => `globalThis.__ultronAjvRequire(${JSON.stringify(id)})`,
  );
}

function countCel(node: unknown): number {
  if (!node || typeof node !== 'object') return 0;
  let n = Array.isArray((node as Record<string, unknown>)['x-kubernetes-validations'])
    ? ((node as Record<string, unknown[]>)['x-kubernetes-validations']!.length ?? 0)
    : 0;
  for (const value of Object.values(node)) n += countCel(value);
  return n;
}

/**
 * The CRDs of the pinned versions, indexed by `apiVersion` + `kind`, each compiled on first use (the
 * CNPG Cluster schema alone is large; most runs need a handful of kinds).
 */
export class CrdRegistry {
  readonly #versions = new Map<string, CrdVersion>();
  /** Versions kept on disk one file each (fromIndexDir, version key → file), read when first validated against. */
  readonly #onDisk = new Map<string, string>();
  readonly #compiled = new Map<string, ValidateFunction>();
  #ajv: Ajv | undefined;
  /** Where compiled validators are kept between processes; none by default. */
  #validatorCache: string | undefined;

  /** Keeps each compiled schema in `dir` as a module, keyed by ajv's version and the schema's hash. */
  cacheValidatorsIn(dir: string): this {
    this.#validatorCache = dir;
    return this;
  }

  #compile(schema: Record<string, unknown>): ValidateFunction {
    const dir = this.#validatorCache;
    if (!dir) {
      this.#ajv ??= newAjv({ ...AJV_OPTIONS, code: CODE_OPTIONS });
      return this.#ajv.compile(schema);
    }
    const hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 20);
    const file = join(dir, `validator-${AJV_VERSION}-${hash}.cjs`);
    if (existsSync(file)) return this.#loadCached(file);
    const ajv = newAjv({ ...AJV_OPTIONS, code: { ...CODE_OPTIONS, source: true } });
    const validate = ajv.compile(schema);
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, standaloneModule(ajv, validate));
    renameSync(temp, file);
    return validate;
  }

  /** Validators loaded from the cache whose V8 code cache is written after their first use. */
  readonly #afterFirstUse = new Map<ValidateFunction, () => void>();

  /**
   * A cached validator module, run with V8's code cache of its previous use. The generated validators are
   * single functions of up to 2 MB that V8 compiles on their first call (~150 ms for the Rollout's) and
   * Node's compile cache does not keep (it is written before the first call); a code cache written after
   * that call (`createCachedData`) holds them compiled. Keyed by Node's version: V8 rejects another's.
   */
  #loadCached(file: string): ValidateFunction {
    const codeCache = `${file}.${process.version}.v8cache`;
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(codeCache);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(`(function (module, exports, require) {${readFileSync(file, 'utf8')}\n})`, {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    });
    const module = { exports: {} as unknown };
    (script.runInThisContext() as (m: typeof module, e: unknown, r: NodeJS.Require) => void)(
      module,
      module.exports,
      createRequire(file),
    );
    const validate = module.exports as ValidateFunction;
    if (!cachedData || script.cachedDataRejected) {
      this.#afterFirstUse.set(validate, () => {
        const temp = `${codeCache}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, codeCache);
      });
    }
    return validate;
  }

  static fromDirectory(dir: string): CrdRegistry {
    const registry = new CrdRegistry();
    for (const file of listYaml(dir)) {
      // js-yaml with the YAML 1.2 core schema: the same data as the `yaml` package reads from these
      // files (test/conformance), in a tenth of the time (2.5 s → 0.2 s for the pinned CRDs).
      for (const doc of loadAll(readFileSync(file, 'utf8'), null, { schema: CORE_SCHEMA })) {
        const crd = doc as {
          kind?: string;
          spec?: {
            group: string;
            scope: 'Namespaced' | 'Cluster';
            names: { kind: string };
            versions: {
              name: string;
              served: boolean;
              schema?: { openAPIV3Schema: Record<string, unknown> };
            }[];
          };
        } | null;
        if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
        for (const v of crd.spec.versions) {
          if (!v.served || !v.schema) continue;
          registry.#versions.set(`${crd.spec.group}/${v.name}:${crd.spec.names.kind}`, {
            scope: crd.spec.scope,
            schema: v.schema.openAPIV3Schema,
            celRules: countCel(v.schema.openAPIV3Schema),
          });
        }
      }
    }
    return registry;
  }

  /** The parsed CRD versions as plain data: a cache of fromDirectory (parsing the YAML is the slow part). */
  toIndex(): [string, CrdVersion][] {
    return [...this.#versions];
  }

  static fromIndex(index: readonly [string, CrdVersion][]): CrdRegistry {
    const registry = new CrdRegistry();
    for (const [key, version] of index) registry.#versions.set(key, version);
    return registry;
  }

  /** The layout `writeIndexDir` writes: part of the key of a folder written by it. */
  static readonly INDEX_FORMAT = 2;

  /**
   * Writes the parsed CRDs as a folder (written beside `dir`, then renamed into place): `kinds.json`, the
   * served versions (key → file), and one file per version. `fromIndexDir` reads the list
   * and then only the schemas of kinds it validates: the whole index is 2.3 MB of JSON, and a build
   * after a one-app change validates a handful of objects whose validators are cached.
   */
  writeIndexDir(dir: string): void {
    const temp = `${dir}.${process.pid}.tmp`;
    mkdirSync(temp, { recursive: true });
    const kinds: [string, string][] = [];
    for (const [key, version] of this.#versions) {
      const file = `${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`;
      writeFileSync(join(temp, file), JSON.stringify(version));
      kinds.push([key, file]);
    }
    writeFileSync(join(temp, 'kinds.json'), JSON.stringify(kinds));
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another process wrote the same index first: the same content, keep theirs.
      rmSync(temp, { recursive: true, force: true });
      if (!existsSync(join(dir, 'kinds.json'))) throw error;
    }
  }

  static fromIndexDir(dir: string): CrdRegistry {
    const registry = new CrdRegistry();
    const kinds = JSON.parse(readFileSync(join(dir, 'kinds.json'), 'utf8')) as [string, string][];
    for (const [key, file] of kinds) registry.#onDisk.set(key, join(dir, file));
    return registry;
  }

  get size(): number {
    return this.#versions.size + this.#onDisk.size;
  }

  has(apiVersion: string, kind: string): boolean {
    const key = `${apiVersion}:${kind}`;
    return this.#versions.has(key) || this.#onDisk.has(key);
  }

  #version(key: string): CrdVersion | undefined {
    const known = this.#versions.get(key);
    if (known) return known;
    const stored = this.#onDisk.get(key);
    if (!stored) return undefined;
    const version = JSON.parse(readFileSync(stored, 'utf8')) as CrdVersion;
    this.#versions.set(key, version);
    this.#onDisk.delete(key);
    return version;
  }

  /** Checks one object strictly against the schema of its apiVersion and kind. */
  validate(manifest: PlainManifest): Verdict {
    const key = `${manifest.apiVersion}:${manifest.kind}`;
    const version = this.#version(key);
    const where = describe(manifest);
    if (!version) {
      if (BUILT_IN_GROUPS.has(manifest.apiVersion)) return { status: 'built-in' };
      return {
        status: 'invalid',
        problems: [
          {
            path: where,
            message: `no CRD serves ${manifest.apiVersion} ${manifest.kind} in the pinned versions`,
            hint: 'use an apiVersion the pinned operator serves (see the conformance CRDs)',
          },
        ],
      };
    }
    const problems: Problem[] = [];
    if (version.scope === 'Cluster' && manifest.metadata.namespace) {
      problems.push({ path: `${where}: metadata.namespace`, message: `${manifest.kind} is cluster-scoped` });
    }
    if (version.scope === 'Namespaced' && !manifest.metadata.namespace) {
      problems.push({
        path: `${where}: metadata.namespace`,
        message: `${manifest.kind} is namespaced and needs one`,
      });
    }
    let check = this.#compiled.get(key);
    if (!check) {
      check = this.#compile(crdVersionToJsonSchema(version.schema));
      this.#compiled.set(key, check);
    }
    const valid = check(manifest);
    const saveCodeCache = this.#afterFirstUse.get(check);
    if (saveCodeCache) {
      this.#afterFirstUse.delete(check);
      saveCodeCache();
    }
    if (!valid) {
      for (const e of check.errors ?? []) {
        const at = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const extra =
          e.keyword === 'additionalProperties'
            ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
            : e.keyword === 'enum'
              ? ` ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`
              : '';
        problems.push({ path: `${where}: ${at || '(root)'}`, message: `${e.message}${extra}` });
      }
    }
    return problems.length
      ? { status: 'invalid', problems }
      : { status: 'valid', celRulesNotEvaluated: version.celRules };
  }
}
