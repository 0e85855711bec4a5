import type { Problem } from '../errors/problem.js';
import { describe, hasValidate, type Manifest } from './manifest.js';

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Runs each object's own schema check (kubernetes-models `validate()`), collecting every failure.
 * Plain objects of kinds without a model are left to the strict CRD conformance check.
 */
export function validateObjects(manifests: readonly Manifest[]): Problem[] {
  const problems: Problem[] = [];
  for (const m of manifests) {
    if (!hasValidate(m)) continue;
    try {
      m.validate();
    } catch (error) {
      const errors = (error as { errors?: AjvLikeError[] }).errors;
      const list = errors?.length ? errors : [{ message: (error as Error).message }];
      for (const e of list) {
        const at = (e.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
        problems.push({
          path: `${describe(m)}${at ? `: ${at}` : ''}`,
          message: `${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
          hint: 'the kit built an object its schema rejects; check the definition values feeding this field',
        });
      }
    }
  }
  return problems;
}
