export * from './tls-ingress.js';
