import { ValidatingAdmissionPolicy } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy';
import { ValidatingAdmissionPolicyBinding } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding';
import { manifests } from '../../catalog/versions.js';
import { commonLabels, LABELS, PLATFORM_NAMESPACES } from '../../conventions/names.js';

/** Argo CD's application controller: what every Application sync applies as. */
export const ARGOCD_CONTROLLER = `system:serviceaccount:${PLATFORM_NAMESPACES.argocd}:argocd-application-controller`;
export const IDENTITY_GUARD = 'ultron-identity-jobs';

/**
 * What an app's realm-sync Job may look like: Argo CD projects restrict namespaced objects by kind only,
 * so the `identity` project could otherwise put any Job into `keycloak` (next to the Keycloak database's
 * secret). Each rule is one CEL expression with the message the API server returns.
 */
export const REALM_SYNC_JOB_RULES: readonly { expression: string; message: string }[] = [
  {
    expression: "object.metadata.name.endsWith('-realm-sync')",
    message: 'Jobs Argo CD syncs into keycloak are realm-sync Jobs: <app>-realm-sync',
  },
  {
    expression: `object.spec.template.spec.containers.size() == 1 && object.spec.template.spec.containers.all(c, c.image == 'quay.io/keycloak/keycloak:${manifests.keycloakOperator.version}' && c.command == ['/bin/bash', '/config/sync-realm.sh'] && !has(c.args) && !has(c.envFrom))`,
    message: 'a realm-sync Job runs the pinned Keycloak image with /config/sync-realm.sh, and nothing else',
  },
  {
    expression:
      "!has(object.spec.template.spec.initContainers) && !has(object.spec.template.spec.ephemeralContainers) && (!has(object.spec.template.spec.serviceAccountName) || object.spec.template.spec.serviceAccountName == 'default') && has(object.spec.template.spec.automountServiceAccountToken) && object.spec.template.spec.automountServiceAccountToken == false",
    message: 'a realm-sync Job has no extra containers and no Kubernetes API token',
  },
  {
    expression:
      "object.spec.template.spec.containers.all(c, !has(c.env) || c.env.all(e, !has(e.valueFrom) || (has(e.valueFrom.secretKeyRef) && e.valueFrom.secretKeyRef.name.endsWith('-kc') && object.metadata.name == e.valueFrom.secretKeyRef.name.substring(0, e.valueFrom.secretKeyRef.name.size() - 3) + '-realm-sync')))",
    message:
      "a realm-sync Job reads only its own app's <app>-kc Secret (never the Keycloak admin or database secrets)",
  },
  {
    expression:
      '!has(object.spec.template.spec.volumes) || object.spec.template.spec.volumes.all(v, has(v.emptyDir) || (has(v.configMap) && v.configMap.name == object.metadata.name))',
    message: 'a realm-sync Job mounts only its own ConfigMap and scratch space',
  },
];

/** The admission policy and its binding: Jobs and ConfigMaps Argo CD writes into `keycloak` are realm-sync ones. */
export function identityGuard(): [ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding] {
  const labels = commonLabels('identity', 'admission');
  const policy = new ValidatingAdmissionPolicy({
    metadata: { name: IDENTITY_GUARD, labels },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: ['batch'],
            apiVersions: ['v1'],
            resources: ['jobs'],
            operations: ['CREATE', 'UPDATE'],
          },
          {
            apiGroups: [''],
            apiVersions: ['v1'],
            resources: ['configmaps'],
            operations: ['CREATE', 'UPDATE'],
          },
        ],
      },
      // Only what Argo CD applies; the Keycloak operator's own import Jobs and operators by hand are not app realms.
      matchConditions: [
        { name: 'synced-by-argocd', expression: `request.userInfo.username == '${ARGOCD_CONTROLLER}'` },
      ],
      validations: [
        ...REALM_SYNC_JOB_RULES.map((r) => ({
          expression: `request.kind.kind != 'Job' || (${r.expression})`,
          message: r.message,
        })),
        {
          expression: `request.kind.kind != 'Job' || (has(object.spec.template.metadata.labels) && '${LABELS.realmSync}' in object.spec.template.metadata.labels && object.spec.template.metadata.labels['${LABELS.realmSync}'] == 'true')`,
          message: "a realm-sync Job carries the label Keycloak's NetworkPolicy admits",
        },
        {
          expression: "request.kind.kind != 'ConfigMap' || object.metadata.name.endsWith('-realm-sync')",
          message: 'ConfigMaps Argo CD syncs into keycloak are realm-sync ConfigMaps: <app>-realm-sync',
        },
      ],
    },
  });
  const binding = new ValidatingAdmissionPolicyBinding({
    metadata: { name: IDENTITY_GUARD, labels },
    spec: {
      policyName: IDENTITY_GUARD,
      validationActions: ['Deny'],
      matchResources: {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': PLATFORM_NAMESPACES.keycloak } },
      },
    },
  });
  return [policy, binding];
}
