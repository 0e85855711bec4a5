export { clusterCapacity, defineCluster, objectStorageEndpoint, prometheusAddress } from './define.js';
export { type Cluster, type ClusterInput, clusterSchema } from './schema.js';
