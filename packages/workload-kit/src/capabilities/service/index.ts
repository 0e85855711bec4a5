import type { Capability } from '../capability.js';
import { services } from './services.js';

/** The app's Service (and with weighted routing its canary and stable Services). */
export const service: Capability = {
  name: 'service',
  render: ({ w }) => ({ objects: services(w) }),
};
