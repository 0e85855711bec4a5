export { loadTree } from './load-tree.js';
export { CrdRegistry } from './registry.js';
export { type CrdLocation, resolveCrds, ultronCacheDir } from './resolve.js';
