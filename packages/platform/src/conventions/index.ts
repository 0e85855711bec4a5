export * from './layout.js';
export * from './names.js';
