import { keycloak } from '@ultron/platform';
import cluster from '@ultron-gitops/cluster';

export default keycloak(cluster);
