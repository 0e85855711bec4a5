export { loadTree } from './load-tree.js';
export { crdVersionToJsonSchema } from './openapi-to-json-schema.js';
export { CrdRegistry, type Verdict } from './registry.js';
export { CRDS_DIR_ENV, type CrdLocation, crdCacheDir, resolveCrds } from './resolve.js';
export { crdSourceUrls, stripHelmDirectives } from './sources.js';
