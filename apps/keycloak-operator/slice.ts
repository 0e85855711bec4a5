import { keycloakOperator } from '@ultron/platform';
import cluster from '@ultron-gitops/cluster';

export default keycloakOperator(cluster);
