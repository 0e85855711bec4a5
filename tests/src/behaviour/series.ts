import type { Workload } from '@ultron/workload-kit';

/**
 * Input series for promtool, labelled exactly as Prometheus stores them: the app's own labels (from
 * its metrics contract), the target labels a ServiceMonitor scrape adds (namespace, pod, service,
 * job, instance, endpoint, container) and the relabeled `rollouts_pod_template_hash`.
 */
export const SCRAPE = '15s';
export const HASH = { canary: '7d9f8c6b5', stable: '5c4b3a291' } as const;

export interface Series {
  series: string;
  values: string;
}

const labels = (l: Record<string, string>) =>
  `{${Object.entries(l)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;

/** A counter growing by `perScrape` every scrape for `scrapes` scrapes. */
const counter = (perScrape: number, scrapes: number) => `0+${perScrape}x${scrapes}`;

/** The target labels of one app pod of version `hash`. */
export function podTarget(w: Workload, hash: string, i: number): Record<string, string> {
  return {
    namespace: w.name,
    pod: `${w.name}-${hash}-abcd${i}`,
    service: w.name,
    job: w.name,
    instance: `10.42.0.${10 + i}:${w.port}`,
    endpoint: 'http',
    container: w.name,
    rollouts_pod_template_hash: hash,
  };
}

/** Requests per scrape of one pod: answered fine, and answered 5xx. */
export interface PodTraffic {
  version: keyof typeof HASH;
  ok: number;
  errors: number;
}

/** The request counter series of the given pods (index = pod number), plus probe traffic on excluded routes. */
export function requestSeries(w: Workload, pods: PodTraffic[], scrapes: number): Series[] {
  const m = w.metrics;
  const out: Series[] = [];
  pods.forEach((p, i) => {
    const target = podTarget(w, HASH[p.version], i);
    const request = (code: string, perScrape: number, route = '/api/items') =>
      out.push({
        series: `${m.requestsCounter}${labels({ ...target, method: 'GET', [m.routeLabel]: route, [m.codeLabel]: code })}`,
        values: counter(perScrape, scrapes),
      });
    request('200', p.ok);
    request('503', p.errors);
    // Probes and scrapes on routes the contract excludes: failing ones would sink the gate if they counted.
    for (const route of m.excludeRoutes) request('503', 5, route);
  });
  return out;
}

/** One gauge series with a fixed value (or promtool's expanding notation). */
export function gauge(name: string, l: Record<string, string>, values: string): Series {
  return { series: `${name}${labels(l)}`, values };
}
