import { type ClusterInput, defineCluster } from '@ultron/platform';

/** The cluster the kit's tests render against (the repo's own lives in cluster/). */
const clusterInput: ClusterInput = {
  gitops: { repoURL: 'https://github.com/acme/gitops.git' },
  authDomain: 'acme.dev',
  acme: { email: 'ops@acme.dev' },
  nodes: [{ name: 'ultron', cpu: '4', memory: '24Gi', tailscaleIP: '100.64.0.1' }],
  objectStorage: { namespace: 'acmens', region: 'eu-frankfurt-1', bucket: 'pg-backups' },
  imageOwner: 'acme',
};

export const cluster = defineCluster(clusterInput);

/** The same cluster with some settings changed. */
export const clusterWith = (changes: Partial<ClusterInput>) => defineCluster({ ...clusterInput, ...changes });
