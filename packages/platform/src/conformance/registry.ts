import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
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

interface CrdVersion {
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
goRegExp.code = 'goRegExp';

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
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    code: { regExp: goRegExp },
  });

  static fromDirectory(dir: string): CrdRegistry {
    const registry = new CrdRegistry();
    for (const file of listYaml(dir)) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const crd = doc.toJS() as {
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

  get size(): number {
    return this.#versions.size;
  }

  has(apiVersion: string, kind: string): boolean {
    return this.#versions.has(`${apiVersion}:${kind}`);
  }

  /** Checks one object strictly against the schema of its apiVersion and kind. */
  validate(manifest: PlainManifest): Verdict {
    const key = `${manifest.apiVersion}:${manifest.kind}`;
    const version = this.#versions.get(key);
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
      check = this.#ajv.compile(crdVersionToJsonSchema(version.schema));
      this.#compiled.set(key, check);
    }
    if (!check(manifest)) {
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
