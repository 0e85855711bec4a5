import { externalSecrets } from '@ultron/platform';
import cluster from '@ultron-gitops/cluster';

export default externalSecrets(cluster);
