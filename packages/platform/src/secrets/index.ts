export * from './external-secrets.js';
export { arr, at, type Json, obj, str } from './json.js';
export { byCodePoint } from './order.js';
export * from './references.js';
