export * from './external-secrets.js';
export { byCodePoint } from './order.js';
export * from './references.js';
