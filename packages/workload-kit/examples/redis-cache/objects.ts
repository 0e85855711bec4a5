import { appNames, commonLabels, networkPolicy, tcp } from '@ultron/platform/core';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';

/** What the cache's objects are called and how the app reaches it, derived from the app's name. */
export function redisNames(app: string) {
  const name = `${app}-redis`;
  return {
    name,
    namespace: appNames(app).namespace,
    /** The Secret holding the password, made out of band (or by an ExternalSecret from the vault). */
    secret: name,
    secretKey: 'password',
    port: 6379,
    /** The label the app's pods carry so the cache's NetworkPolicy admits them. */
    clientLabel: 'ultron.io/redis-client',
    selector: { app: name },
  };
}

export const redisResources = (memory: string) => ({
  requests: { cpu: '50m', memory },
  limits: { memory },
});

/** One Redis pod, restricted like every pod of the app, its data on an emptyDir (it is a cache). */
export function redisDeployment(app: string, memory: string): Deployment {
  const n = redisNames(app);
  const labels = commonLabels(app, 'cache');
  return new Deployment({
    metadata: { name: n.name, namespace: n.namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: n.selector },
      template: {
        metadata: { labels: { ...labels, ...n.selector } },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1001,
            runAsGroup: 1001,
            fsGroup: 1001,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'redis',
              image: 'docker.io/bitnami/redis:7.4.2',
              // The image reads the password from its environment: never on a command line.
              env: [
                {
                  name: 'REDIS_PASSWORD',
                  valueFrom: { secretKeyRef: { name: n.secret, key: n.secretKey } },
                },
              ],
              ports: [{ name: 'redis', containerPort: n.port, protocol: 'TCP' }],
              readinessProbe: { tcpSocket: { port: 'redis' }, periodSeconds: 5 },
              resources: redisResources(memory),
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ['ALL'] },
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [
                { name: 'data', mountPath: '/bitnami/redis/data' },
                { name: 'tmp', mountPath: '/opt/bitnami/redis/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'data', emptyDir: { sizeLimit: '256Mi' } },
            { name: 'tmp', emptyDir: { sizeLimit: '16Mi' } },
          ],
        },
      },
    },
  });
}

export function redisService(app: string): Service {
  const n = redisNames(app);
  return new Service({
    metadata: { name: n.name, namespace: n.namespace, labels: commonLabels(app, 'cache') },
    spec: {
      type: 'ClusterIP',
      selector: n.selector,
      ports: [{ name: 'redis', port: n.port, targetPort: 'redis', protocol: 'TCP' }],
    },
  });
}

/** Only the app's pods reach the cache. */
export function redisNetworkPolicy(app: string) {
  const n = redisNames(app);
  return networkPolicy({
    name: n.name,
    namespace: n.namespace,
    labels: commonLabels(app, 'network-policy'),
    reason: "the app's pods use their Redis cache",
    spec: {
      podSelector: { matchLabels: n.selector },
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: { [n.clientLabel]: 'true' } } }], ports: [tcp(n.port)] },
      ],
    },
  });
}
