import { defineWorkload } from '@ultron/workload-kit';
import cluster from '@ultron-gitops/cluster';

/** Penvoice's API: everything else (canary, database, backups, monitoring, policies) is the kit's default. */
export default defineWorkload(cluster, {
  name: 'penvoice',
  domain: 'penvoice.app',
  image: 'ghcr.io/ultron-infra/penvoice:sha-3f9c2a1',
  port: 8080,
  env: { LOG_LEVEL: 'info' },
  canary: { successThreshold: 0.95 },
});
