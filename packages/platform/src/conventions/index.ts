export * from './layout.js';
export * from './names.js';
export * from './reserved.js';
