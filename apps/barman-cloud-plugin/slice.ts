import { barmanCloudPlugin } from '@ultron/platform';
import cluster from '@ultron-gitops/cluster';

export default barmanCloudPlugin(cluster);
