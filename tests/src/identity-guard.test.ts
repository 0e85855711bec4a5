import { join } from 'node:path';
import { run } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { findRepoRoot, type TreeEntry } from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';

/**
 * The admission policy that keeps the identity project to realm-sync Jobs, evaluated with a real CEL
 * engine (Buf's, with the strings extension Kubernetes also enables) against the rendered objects.
 */
const entries = loadTree(join(findRepoRoot(import.meta.dirname), 'gitops'));
const find = (kind: string, name: string) =>
  entries.find((e) => e.manifest.kind === kind && e.manifest.metadata.name === name)?.manifest as
    | (TreeEntry['manifest'] & Record<string, unknown>)
    | undefined;

const policy = find('ValidatingAdmissionPolicy', 'ultron-identity-jobs')!;
const spec = policy.spec as {
  matchConditions: { expression: string }[];
  validations: { expression: string; message: string }[];
};

/** JSON as CEL sees an admission request's object: maps, lists, int for whole numbers. */
const toCel = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(toCel)
    : v && typeof v === 'object'
      ? new Map(Object.entries(v).map(([k, x]) => [k, toCel(x)]))
      : typeof v === 'number' && Number.isInteger(v)
        ? BigInt(v)
        : v;

const ARGOCD = { username: 'system:serviceaccount:argocd:argocd-application-controller' };
function request(object: Record<string, unknown>, userInfo = ARGOCD) {
  return { object: toCel(object), request: toCel({ kind: { kind: object.kind }, userInfo }) };
}
const applies = (bindings: ReturnType<typeof request>) =>
  spec.matchConditions.every((c) => run(c.expression, bindings as never, { funcs: strings }) === true);
/** The messages of the validations the object fails (an evaluation error fails too: failurePolicy Fail). */
function denied(object: Record<string, unknown>): string[] {
  const bindings = request(object);
  return spec.validations
    .filter((v) => {
      try {
        return run(v.expression, bindings as never, { funcs: strings }) !== true;
      } catch {
        return true;
      }
    })
    .map((v) => v.message);
}

const job = find('Job', 'penvoice-realm-sync')!;
const configMap = find('ConfigMap', 'penvoice-realm-sync')!;
interface Container {
  name: string;
  image: string;
  command: string[];
  env: { name: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
  envFrom?: unknown[];
}
interface JobLike {
  metadata: { name: string };
  spec: {
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        containers: Container[];
        volumes: Record<string, unknown>[];
        automountServiceAccountToken?: boolean;
        serviceAccountName?: string;
      };
    };
  };
}
const mutate = (change: (j: JobLike) => void) => {
  const copy = structuredClone(job) as unknown as JobLike;
  change(copy);
  return copy as unknown as Record<string, unknown>;
};

describe('the identity guard (ValidatingAdmissionPolicy)', () => {
  it('is rendered with a binding for the keycloak namespace', () => {
    expect(policy).toBeDefined();
    expect(find('ValidatingAdmissionPolicyBinding', 'ultron-identity-jobs')?.spec).toMatchObject({
      policyName: 'ultron-identity-jobs',
      validationActions: ['Deny'],
    });
  });

  it("admits the rendered realm-sync Job and ConfigMap, and applies only to Argo CD's writes", () => {
    expect(denied(job)).toEqual([]);
    expect(denied(configMap)).toEqual([]);
    expect(applies(request(job))).toBe(true);
    expect(applies(request(job, { username: 'system:serviceaccount:keycloak:keycloak-operator' }))).toBe(
      false,
    );
  });

  it.each([
    ['another name', (j: JobLike) => (j.metadata.name = 'cryptominer')],
    ['another image', (j: JobLike) => (j.spec.template.spec.containers[0]!.image = 'alpine:3.20')],
    [
      'another command',
      (j: JobLike) => (j.spec.template.spec.containers[0]!.command = ['/bin/sh', '-c', 'env']),
    ],
    [
      "the Keycloak admin's secret",
      (j: JobLike) =>
        j.spec.template.spec.containers[0]!.env.push({
          name: 'X',
          valueFrom: { secretKeyRef: { name: 'keycloak-initial-admin', key: 'password' } },
        }),
    ],
    [
      "another app's secret",
      (j: JobLike) =>
        (j.spec.template.spec.containers[0]!.env.at(-1)!.valueFrom!.secretKeyRef.name = 'statuspage-kc'),
    ],
    [
      'the database secret via envFrom',
      (j: JobLike) =>
        (j.spec.template.spec.containers[0]!.envFrom = [{ secretRef: { name: 'keycloak-pg-app' } }]),
    ],
    ['a service account token', (j: JobLike) => (j.spec.template.spec.automountServiceAccountToken = true)],
    [
      'the operator service account',
      (j: JobLike) => (j.spec.template.spec.serviceAccountName = 'keycloak-operator'),
    ],
    [
      'a host path',
      (j: JobLike) => j.spec.template.spec.volumes.push({ name: 'h', hostPath: { path: '/' } }),
    ],
    [
      'a second container',
      (j: JobLike) =>
        j.spec.template.spec.containers.push({ ...j.spec.template.spec.containers[0]!, name: 'b' }),
    ],
    ['no realm-sync label', (j: JobLike) => delete j.spec.template.metadata.labels['ultron.io/realm-sync']],
  ])('denies a Job with %s', (_, change) => {
    expect(denied(mutate(change)).length).toBeGreaterThan(0);
  });

  it('denies a ConfigMap that is not a realm-sync one', () => {
    expect(denied({ ...configMap, metadata: { ...configMap.metadata, name: 'keycloak-env' } })).toEqual([
      'ConfigMaps Argo CD syncs into keycloak are realm-sync ConfigMaps: <app>-realm-sync',
    ]);
  });
});
