export * from './alertmanager.js';
export * from './argocd-notifications.js';
