export * from './backup-alerts.js';
export * from './backup-settings.js';
export * from './network-policies.js';
export * from './object-store.js';
export * from './postgres.js';
