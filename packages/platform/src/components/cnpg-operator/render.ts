import type { Cluster } from '../../cluster/schema.js';
import type { Slice } from '../../render/slice.js';
import { chartApplication, chartSlice } from '../chart-component.js';
import { CNPG_OPERATOR_COMPONENT } from './component.js';

export function cnpgOperatorApplication(cluster: Cluster) {
  return chartApplication(CNPG_OPERATOR_COMPONENT, cluster);
}

export function cnpgOperator(cluster: Cluster): Slice {
  return chartSlice(CNPG_OPERATOR_COMPONENT, cluster);
}
