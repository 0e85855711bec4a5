import { describe, expect } from 'vitest';
import { stringify } from 'yaml';
import { itWith, runEngine } from '../engines/tools.js';
import { measurementPhase, type Phase } from './argo-conditions.js';
import { HASH, type PodTraffic, requestSeries, SCRAPE } from './series.js';
import { renderedWorkloads } from './workloads.js';

/**
 * The canary gate, run by Prometheus' own engine: the rendered AnalysisTemplate's query (with the
 * canary's pod-template hash substituted as Argo Rollouts does) over series labelled as Prometheus
 * stores them, then the template's own conditions decide the measurement as Argo Rollouts would.
 * Each scenario states the outcome the platform promises; promtool proves the query's result.
 */
interface Scenario {
  name: string;
  pods: PodTraffic[];
  expect: Phase;
}

const stable = (ok: number, errors = 0): PodTraffic => ({ version: 'stable', ok, errors });
const canary = (ok: number, errors = 0): PodTraffic => ({ version: 'canary', ok, errors });

function scenarios(minRequestRate: number): Scenario[] {
  // Requests per 15 s scrape; rate = n / 15 per second.
  const belowFloor = (minRequestRate * 15) / 2;
  return [
    { name: 'healthy canary and stable', pods: [stable(18), stable(18), canary(6)], expect: 'Successful' },
    {
      name: 'canary 50 % 5xx, stable healthy',
      pods: [stable(18), stable(18), canary(3, 3)],
      expect: 'Failed',
    },
    {
      name: 'the same 50 % 5xx on stable pods only',
      pods: [stable(9, 9), stable(9, 9), canary(6)],
      expect: 'Successful',
    },
    { name: 'everything 20 % 5xx', pods: [stable(16, 4), stable(16, 4), canary(8, 2)], expect: 'Failed' },
    { name: 'everything 1 % 5xx', pods: [stable(99, 1), stable(99, 1), canary(99, 1)], expect: 'Successful' },
    { name: 'zero traffic', pods: [stable(0), stable(0), canary(0)], expect: 'Inconclusive' },
    {
      name: 'canary below the traffic floor (stable busy)',
      pods: [stable(18), stable(18), canary(belowFloor)],
      expect: 'Inconclusive',
    },
  ];
}

const workloads = await renderedWorkloads();

describe.each(workloads.map((r) => [r.w.name, r] as const))('canary gate of %s', (_, { w, one }) => {
  const template = one('AnalysisTemplate') as {
    spec: {
      metrics: {
        successCondition?: string;
        failureCondition?: string;
        provider: { prometheus: { query: string } };
      }[];
    };
  };
  const metric = template.spec.metrics[0]!;
  // Argo Rollouts substitutes {{args.canary-hash}} with the canary ReplicaSet's pod-template hash.
  const query = metric.provider.prometheus.query.replaceAll('{{args.canary-hash}}', HASH.canary);
  const scrapes = 60; // 15 minutes of history; evaluated at 10 minutes.

  for (const s of scenarios(w.canary.minRequestRate)) {
    // What the gate should measure: the canary pods' share of non-5xx, if they carry enough traffic.
    const canaryPods = s.pods.filter((p) => p.version === 'canary');
    const total = canaryPods.reduce((n, p) => n + p.ok + p.errors, 0);
    const ok = canaryPods.reduce((n, p) => n + p.ok, 0);
    const result = total / 15 >= w.canary.minRequestRate ? [ok / total] : [];

    itWith('promtool')(
      `${s.name}: the query returns ${JSON.stringify(result)}, the measurement is ${s.expect}`,
      () => {
        const test = {
          rule_files: ['rules.yaml'],
          evaluation_interval: SCRAPE,
          tests: [
            {
              interval: SCRAPE,
              input_series: requestSeries(w, s.pods, scrapes),
              promql_expr_test: [
                {
                  expr: query,
                  eval_time: '10m',
                  exp_samples: result.map((value) => ({ labels: '{}', value })),
                },
              ],
            },
          ],
        };
        const run = runEngine('promtool', () => ['test', 'rules', 'gate.test.yaml'], {
          'rules.yaml': 'groups: []\n',
          'gate.test.yaml': stringify(test),
        });
        expect(run.output).toContain('SUCCESS');
        expect(run.status, run.output).toBe(0);
        expect(measurementPhase(metric, result)).toBe(s.expect);
      },
    );
  }

  itWith('promtool')('measures the canary only: the query narrows to the canary hash argument', () => {
    expect(metric.provider.prometheus.query).toContain('rollouts_pod_template_hash="{{args.canary-hash}}"');
    const rollout = one('Rollout') as {
      spec: { strategy: { canary: { analysis: { args: { name: string; valueFrom: unknown }[] } } } };
    };
    expect(rollout.spec.strategy.canary.analysis.args).toEqual([
      { name: 'canary-hash', valueFrom: { podTemplateHashValue: 'Latest' } },
    ]);
  });
});
