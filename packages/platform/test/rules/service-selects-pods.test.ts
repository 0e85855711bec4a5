import { describe, expect, it } from 'vitest';
import { rollout, service } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('service-selects-pods');

describe('service-selects-pods', () => {
  itChecksFixtures(r);
  it('passes when the selector matches a pod template with the named port', () => {
    expect(run(r, [rollout(), service()])).toEqual([]);
  });
  it('fails when nothing is selected', () => {
    expect(run(r, [rollout(), service('demo', { app: 'other' })])).toEqual([
      'Service demo/demo: spec.selector: selects no pods rendered in namespace demo ({"app":"other"}) [service-selects-pods]',
    ]);
  });
  it('fails when the target port name does not exist', () => {
    expect(run(r, [rollout(), service('demo', { app: 'demo' }, 'web')])).toEqual([
      'Service demo/demo: spec.ports[http].targetPort: names port "web", which no selected pod declares [service-selects-pods]',
    ]);
  });
});
