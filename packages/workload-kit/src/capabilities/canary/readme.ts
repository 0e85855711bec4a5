import { type AlertSpec, appNames } from '@ultron/platform/core';
import type { Workload } from '../../definition/schema.js';
import { GATE_WINDOW } from '../monitoring/queries.js';

/**
 * `workloads/<app>/README.md`: what the folder holds and how the app behaves when it is released —
 * above all, what a person sees in each case of the canary gate. Argo CD syncs only the YAML here.
 */
export function workloadReadme(w: Workload, alerts: readonly AlertSpec[]): string {
  const names = appNames(w.name);
  const c = w.canary;
  const m = w.metrics;
  const get = `kubectl argo rollouts get rollout ${names.rollout} -n ${names.namespace}`;
  const quiet: [measurement: string, seen: string] =
    c.onLowTraffic === 'promote'
      ? [
          'Successful (opted in: `onLowTraffic: promote`)',
          'the steps go on: it is released on its readiness probe alone',
        ]
      : [
          'Inconclusive',
          `Argo Rollouts pauses the rollout (InconclusiveAnalysis) for a person: \`kubectl argo rollouts promote ${names.rollout} -n ${names.namespace}\` releases it, \`kubectl argo rollouts abort ${names.rollout} -n ${names.namespace}\` returns to stable`,
        ];
  const routing =
    c.trafficRouting === 'traefik'
      ? 'exact weights through the TraefikService Argo Rollouts drives'
      : `whole pods out of ${w.replicas} replicas`;
  const lines = [
    `# ${w.name}`,
    '',
    `Rendered from \`workloads/${w.name}/workload.ts\` by \`pnpm turbo build\`; do not edit. Argo CD syncs the`,
    `YAML of this folder into namespace \`${names.namespace}\` (the database lives in \`database/\`, synced one wave earlier).`,
    '',
    '## Releasing a new image',
    '',
    `\`pnpm ultron image set ${w.name} <tag>\`, commit, push. The migrations Job of that image runs once, then the`,
    `canary walks ${c.steps.join(' → ')} % (${routing}), pausing ${c.pause} after each step. From the first step,`,
    `every ${c.interval} (after waiting ${GATE_WINDOW} for the canary's first series) Argo Rollouts measures the share of`,
    `non-5xx requests (\`${m.requestsCounter}\`, label \`${m.codeLabel}\`) answered by the **canary's pods only** over ${GATE_WINDOW}:`,
    '',
    '| the canary pods… | measurement | what you see |',
    '|---|---|---|',
    `| answer ≥ ${c.successThreshold * 100} % non-5xx, at ≥ ${c.minRequestRate} req/s | Successful | the steps go on; after the last pause the canary becomes stable |`,
    `| answer < ${c.successThreshold * 100} % non-5xx, at ≥ ${c.minRequestRate} req/s | Failed | after ${c.failureLimit + 1} failed measurements the rollout aborts: all traffic back to stable, \`${get}\` shows Degraded, alert AppRolloutAborted |`,
    `| get < ${c.minRequestRate} req/s (a quiet app, or no traffic at all) | ${quiet[0]} | ${quiet[1]} |`,
    '| never become Ready | — | the canary never takes traffic and never promotes; `kubectl describe pod` shows the readiness probe failing |',
    '',
    `Watch it: \`${get} --watch\`.`,
    '',
    '## Alerts',
    '',
    '| alert | fires after | first thing to do |',
    '|---|---|---|',
    ...alerts.map((a) => `| ${a.alert} | ${a.for} | ${a.runbook.replaceAll('|', '\\|')} |`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
