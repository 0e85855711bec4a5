import { defineCluster } from '../src/cluster/define.js';
import type { ClusterInput } from '../src/cluster/schema.js';

/** SPEC.md's node and defaults, with the facts a user must provide. */
export const clusterInput: ClusterInput = {
  gitops: { repoURL: 'https://github.com/acme/gitops.git' },
  authDomain: 'acme.dev',
  acme: { email: 'ops@acme.dev' },
  nodes: [{ name: 'ultron', cpu: '4', memory: '24Gi', tailscaleIP: '100.64.0.1' }],
  objectStorage: { namespace: 'acmens', region: 'eu-frankfurt-1', bucket: 'pg-backups' },
  imageOwner: 'acme',
};

export const cluster = defineCluster(clusterInput);
