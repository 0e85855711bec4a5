export * from './chart-values.js';
export * from './versions.js';
