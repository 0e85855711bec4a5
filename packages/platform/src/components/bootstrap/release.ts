import type { ValuesPolicy } from '../../catalog/chart-values.js';
import type { HelmChartPin } from '../../catalog/versions.js';

/** One release of the one-time Helm bootstrap. */
export interface HelmRelease {
  release: string;
  namespace: string;
  chart: HelmChartPin;
  values: Record<string, unknown>;
  /** How long `helm --wait` may take (arm64 image pulls on a fresh node are slow). */
  timeout: string;
  /** Why the release sits at this point of the order; printed in the runbook. */
  why: string;
  policy: ValuesPolicy;
}
