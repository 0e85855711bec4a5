export { backupRetention, cnpgSchedule } from './backup-fields.js';
export {
  clusterCapacity,
  defineCluster,
  kubernetesApiEndpoint,
  objectStorageEndpoint,
  prometheusAddress,
} from './define.js';
export { type Cluster, type ClusterInput, type ClusterNode, clusterSchema } from './schema.js';
