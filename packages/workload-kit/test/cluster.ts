import { testCluster } from '../src/testing/index.js';

/** The cluster the kit's tests render against (the repo's own lives in cluster/): the testing helper's. */
export const cluster = testCluster();

/** The same cluster with some settings changed. */
export const clusterWith = testCluster;
