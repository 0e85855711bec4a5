import type { Capability } from '../capability.js';
import { edgeObjects } from './ingress.js';

/** The app's hosts on HTTPS: certificate, and an IngressRoute with a TraefikService or a plain Ingress. */
export const edge: Capability = {
  name: 'edge',
  render: ({ cluster, w }) => ({ objects: edgeObjects(cluster, w) }),
};
