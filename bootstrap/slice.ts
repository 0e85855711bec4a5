import { bootstrap } from '@ultron/platform';
import cluster from '@ultron-gitops/cluster';

export default bootstrap(cluster);
