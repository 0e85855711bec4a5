// The pod-spec reader is the kit's, shared with its rules.
export {
  type ContainerLike,
  containersOf,
  type PodSpecLike,
  type PodTemplate,
  podTemplates,
} from '@ultron/platform/core';
