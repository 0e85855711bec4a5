import { withHint } from '@ultron/platform/core';
import * as z from 'zod';
import { hinted } from '../../parts/schema-fields.js';

/** Labels Prometheus attaches to every scraped series; an app label of the same name is renamed. */
const RESERVED_TARGET_LABELS = ['namespace', 'pod', 'service', 'job', 'instance', 'endpoint', 'container'];

/**
 * What the app exposes on `/metrics`: every query the kit writes (canary gate, alerts, dashboard) is
 * generated from this, so an app whose counter or label is spelled differently changes one field.
 * Defaults are the seed API's contract (SPEC: `http_requests_total{method, route, code}`).
 */
const promName = z
  .string()
  .regex(
    /^[a-zA-Z_:][a-zA-Z0-9_:]*$/,
    hinted('must be a Prometheus metric name', 'e.g. "http_requests_total"'),
  );
const promLabel = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, hinted('must be a Prometheus label name', 'e.g. "code"'))
  .refine((l) => !RESERVED_TARGET_LABELS.includes(l), {
    error: withHint(
      'is a label Prometheus sets on every target',
      `the app's own label would be stored as exported_<name>; pick one that is not ${RESERVED_TARGET_LABELS.join(', ')}`,
    ),
  });
export const METRICS_DEFAULTS = {
  requestsCounter: 'http_requests_total',
  codeLabel: 'code',
  routeLabel: 'route',
  excludeRoutes: [] as string[],
  durationHistogram: 'http_request_duration_seconds',
};
export const metrics = z.strictObject({
  /** Counter of handled requests, one series per (method, route, code). */
  requestsCounter: promName.default(METRICS_DEFAULTS.requestsCounter),
  /** Label holding the HTTP status as a string ("200", "503"). */
  codeLabel: promLabel.default(METRICS_DEFAULTS.codeLabel),
  /** Label holding the route; used only with `excludeRoutes`. */
  routeLabel: promLabel.default(METRICS_DEFAULTS.routeLabel),
  /** Routes left out of every rate (e.g. "/readyz", "/metrics"): probes and scrapes are not traffic. */
  excludeRoutes: z.array(z.string().min(1)).default([]),
  /** Histogram of request durations (without `_bucket`) for the latency panel; `false` if the app has none. */
  durationHistogram: z.union([z.literal(false), promName]).default(METRICS_DEFAULTS.durationHistogram),
});
