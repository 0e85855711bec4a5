import { PLATFORM_NAMESPACES } from '../../conventions/names.js';
import { BOOTSTRAP_FILES } from '../bootstrap/files.js';
import type { HelmBootstrapComponent } from '../component.js';
import { CERT_MANAGER_NAMESPACE_POLICY } from './namespace.js';
import { certManagerRelease } from './values.js';

/** cert-manager and, right after it, the Let's Encrypt ClusterIssuers (cluster-issuers.ts). */
export const CERT_MANAGER_COMPONENT = {
  name: 'cert-manager',
  install: 'helm-bootstrap',
  namespace: PLATFORM_NAMESPACES.certManager,
  crdGroups: ['cert-manager.io', 'acme.cert-manager.io'],
  services: [],
  namespacePolicy: CERT_MANAGER_NAMESPACE_POLICY,
  release: certManagerRelease,
  bootstrapApplies: [
    {
      id: 'cluster-issuers',
      title: "Let's Encrypt ClusterIssuers (staging and production)",
      why: 'right after cert-manager, so the Argo CD certificate can be issued as soon as its Ingress exists',
      files: [BOOTSTRAP_FILES.clusterIssuers],
    },
  ],
} as const satisfies HelmBootstrapComponent;
