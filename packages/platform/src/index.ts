export * from './argocd/index.js';
export * from './catalog/index.js';
export * from './cluster/index.js';
export * from './components/index.js';
export * from './conventions/index.js';
export * from './errors/index.js';
export * from './render/index.js';
export * from './schema/fields.js';
