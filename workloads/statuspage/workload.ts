import { defineWorkload } from '@ultron/workload-kit';
import cluster from '@ultron-gitops/cluster';

/**
 * A stateless status API: no database, no migrations, no login. One replica, so the canary routes
 * through Traefik by weight (with a single pod, replica-ratio weights could only be 0 % or 100 %).
 */
export default defineWorkload(cluster, {
  name: 'statuspage',
  domain: 'status.ultron.example.com',
  hosts: ['status.ultron.example.com'],
  image: 'ghcr.io/ultron-infra/statuspage:sha-9e8d7c6',
  port: 3000,
  replicas: 1,
  resources: { requests: { cpu: '25m', memory: '64Mi' }, limits: { memory: '128Mi' } },
  canary: { steps: [20, 50, 80], pause: '30s', trafficRouting: 'traefik' },
  database: false,
  migrations: false,
  env: { CHECKS_FILE: { configMap: 'statuspage-checks', key: 'checks.yaml' } },
  configMaps: {
    'statuspage-checks': {
      'checks.yaml': 'api: https://api.penvoice.app/readyz\nauth: https://auth.ultron.example.com/\n',
    },
  },
});
