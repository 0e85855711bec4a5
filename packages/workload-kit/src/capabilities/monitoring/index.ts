import type { Capability } from '../capability.js';
import { dashboard } from './dashboard.js';
import { appAlerts, prometheusRule, serviceMonitor } from './monitors.js';

/** Scraping the app's `/metrics`, its alerts (with every capability's), and its Grafana dashboard. */
export const monitoring: Capability = {
  name: 'monitoring',
  contributes: ({ w }) => ({ alerts: appAlerts(w) }),
  render: ({ cluster, w }, merged) => ({
    objects: [serviceMonitor(cluster, w), prometheusRule(cluster, w, merged.alerts), dashboard(w)],
  }),
};
