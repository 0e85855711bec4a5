import { describe, expect, it } from 'vitest';
import { entry, pod } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('migrations-run-once');
const job = (annotations: Record<string, string>, dbClient = true) => {
  const template = pod();
  if (dbClient) (template.metadata.labels as Record<string, string>)['ultron.io/db-client'] = 'true';
  return entry('workloads/demo/job-demo-migrate.yaml', {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'demo-migrate', namespace: 'demo', annotations },
    spec: { template },
  });
};

describe('migrations-run-once', () => {
  itChecksFixtures(r);
  it('passes for a plain Job in a sync wave, and for hooks that do not touch a database', () => {
    expect(run(r, [job({ 'argocd.argoproj.io/sync-wave': '-1' })])).toEqual([]);
    expect(run(r, [job({ 'argocd.argoproj.io/hook': 'PostSync' }, false)])).toEqual([]);
  });
  it('fails for a database-writing PreSync hook', () => {
    expect(run(r, [job({ 'argocd.argoproj.io/hook': 'PreSync' })])).toEqual([
      expect.stringMatching(
        /^Job demo\/demo-migrate: metadata\.annotations\.argocd\.argoproj\.io\/hook: is a PreSync hook that writes to a database/,
      ),
    ]);
  });
});
