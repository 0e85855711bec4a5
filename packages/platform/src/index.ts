export * from './alerting/index.js';
export * from './components/index.js';
export * from './core.js';
