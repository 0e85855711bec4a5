import { defineWorkload } from '@ultron/workload-kit';
import cluster from '@ultron-gitops/cluster';

/**
 * Penvoice's API at api.penvoice.app. Everything not written here is the kit's default: the 25/50/75
 * canary gated on a 95 % success rate, Postgres `penvoice-pg` with nightly backups to Object Storage,
 * PreSync migrations, monitoring, network policies and Pod Security "restricted".
 */
export default defineWorkload(cluster, {
  name: 'penvoice',
  domain: 'penvoice.app',
  image: 'ghcr.io/ultron-infra/penvoice:sha-3f9c2a1',
  // A private GHCR package: pulled with this docker-registry Secret (from the vault, like every Secret).
  imagePullSecret: 'ghcr-pull',
  env: { LOG_LEVEL: 'info' },
  auth: {
    spa: { redirectUris: ['https://penvoice.app/auth/callback'], webOrigins: ['https://penvoice.app'] },
  },
});
