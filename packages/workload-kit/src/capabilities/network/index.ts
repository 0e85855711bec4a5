import type { Capability } from '../capability.js';
import { networkPolicies } from './policies.js';

/** Zero trust: deny by default, then the app's traffic, every capability's egress and the definition's `egress`. */
export const network: Capability = {
  name: 'network',
  render: ({ w }, merged) => ({ objects: networkPolicies(w, merged.egress) }),
};
