export * from './network-policies.js';
export * from './object-store.js';
export * from './postgres.js';
