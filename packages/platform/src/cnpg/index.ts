export * from './object-store.js';
export * from './postgres.js';
