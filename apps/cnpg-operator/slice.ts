import { cnpgOperator } from '@ultron/platform';
import cluster from '@ultron-gitops/cluster';

export default cnpgOperator(cluster);
