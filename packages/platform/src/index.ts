export * from './components/index.js';
export * from './core.js';
