import { UserError } from '../errors/problem.js';
import { problemsFromZod } from '../errors/zod.js';
import { parseQuantity } from '../schema/fields.js';
import { type Cluster, type ClusterInput, clusterSchema } from './schema.js';

/** Validates and defaults a cluster definition; throws a UserError listing every problem. */
export function defineCluster(input: ClusterInput): Cluster {
  const result = clusterSchema.safeParse(input);
  if (!result.success)
    throw new UserError(problemsFromZod('cluster', result.error), 'the cluster definition has problems');
  return result.data;
}

/** Total allocatable capacity across nodes, in cores and bytes. */
export function clusterCapacity(cluster: Cluster): { cpu: number; memory: number } {
  return cluster.nodes.reduce(
    (sum, n) => ({ cpu: sum.cpu + parseQuantity(n.cpu), memory: sum.memory + parseQuantity(n.memory) }),
    { cpu: 0, memory: 0 },
  );
}

/** In-cluster Prometheus address (the operator's governing service). */
export function prometheusAddress(cluster: Cluster): string {
  return `http://prometheus-operated.${cluster.monitoring.namespace}:9090`;
}

/** S3-compatible endpoint of the cluster's Oracle Object Storage. */
export function objectStorageEndpoint(cluster: Cluster): string {
  const { namespace, region } = cluster.objectStorage;
  return `https://${namespace}.compat.objectstorage.${region}.oraclecloud.com`;
}

/**
 * The address and port pods reach the Kubernetes API at (after the `kubernetes` Service's DNAT): the
 * explicit `kubernetesApi.address`, else the server's Tailscale IP, which the rendered k3s config then
 * advertises. The schema guarantees one of them exists.
 */
export function kubernetesApiEndpoint(cluster: Cluster): { address: string; port: number } {
  const server = cluster.nodes.find((n) => n.role === 'server');
  return {
    address: cluster.kubernetesApi.address ?? server?.tailscaleIP ?? '',
    port: cluster.kubernetesApi.port,
  };
}
