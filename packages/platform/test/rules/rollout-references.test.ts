import { describe, expect, it } from 'vitest';
import { entry, rollout, service } from './builders.js';
import { itChecksFixtures, rule, run } from './harness.js';

const r = rule('rollout-references');

describe('rollout-references', () => {
  itChecksFixtures(r);
  const template = entry('t', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name: 'demo-success-rate', namespace: 'demo' },
  });
  const canary = {
    analysis: { templates: [{ templateName: 'demo-success-rate' }] },
    canaryService: 'demo-canary',
  };
  it('passes when the template and services exist', () => {
    expect(run(r, [rollout(canary), template, service('demo-canary')])).toEqual([]);
  });
  it('names each missing reference', () => {
    expect(run(r, [rollout(canary)])).toEqual([
      'Rollout demo/demo: spec.strategy.canary.analysis.templates[0]: AnalysisTemplate "demo-success-rate" is not rendered in demo [rollout-references]',
      'Rollout demo/demo: spec.strategy.canary.canaryService: Service "demo-canary" is not rendered in demo [rollout-references]',
    ]);
  });
});
