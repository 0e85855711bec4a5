export { formatImageRef, type ImageRef, parseImageRef } from './image-ref.js';
export {
  type ContainerLike,
  containersOf,
  type PodSpecLike,
  type PodTemplate,
  podTemplates,
} from './pod-specs.js';
