export {
  type AppInfo,
  applicationSources,
  applications,
  syncedBy,
  syncingApplications,
  syncs,
} from './applications.js';
export { claimedHosts, hostOf, matchHosts, routedHosts, type ServedTls, servedTls } from './hosts.js';
export { formatImageRef, type ImageRef, parseImageRef } from './images.js';
export { arr, field, type Json, obj, str } from './json.js';
export { groupKind, groupOf, namespaceOf, ofKind, selects, type TreeEntry } from './objects.js';
export { type OperatorOwned, operatorOwned } from './operators.js';
export {
  type ContainerLike,
  containersOf,
  type PodSpecLike,
  type PodTemplate,
  podTemplates,
  type RenderedPod,
  renderedPods,
} from './pods.js';
export {
  createdSecrets,
  type KeyRole,
  privateRepositories,
  type SecretReference,
  type SecretType,
  secretId,
  secretReferences,
} from './secrets.js';
