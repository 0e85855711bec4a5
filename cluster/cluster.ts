import { defineCluster } from '@ultron/platform';

/**
 * The cluster every workspace renders against. Growing to more nodes is a change here: capacity (and
 * with it the budget and the replica/instance limits) comes from the node list.
 */
export default defineCluster({
  name: 'ultron',
  gitops: { repoURL: 'https://github.com/ultron-infra/gitops.git', revision: 'main' },
  authDomain: 'ultron.example.com',
  acme: { email: 'ops@ultron.example.com' },
  nodes: [{ name: 'ultron', arch: 'arm64', cpu: '4', memory: '24Gi', tailscaleName: 'ultron' }],
  objectStorage: { namespace: 'ultronstorage', region: 'eu-frankfurt-1', bucket: 'ultron-pg-backups' },
  imageOwner: 'ultron-infra',
});
