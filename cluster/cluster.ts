import { defineCluster } from '@ultron/platform/core';

/**
 * The cluster every workspace renders against. Growing to more nodes is a change here: capacity (and
 * with it the budget and the replica/instance limits) comes from the node list. See README.md.
 */
export default defineCluster({
  name: 'ultron',
  gitops: { repoURL: 'https://github.com/ultron-infra/gitops.git', revision: 'main' },
  authDomain: 'ultron.example.com',
  acme: { email: 'ops@ultron.example.com', issuer: 'letsencrypt-prod' },
  nodes: [
    {
      name: 'ultron',
      role: 'server',
      arch: 'arm64',
      cpu: '4',
      memory: '24Gi',
      tailscaleName: 'ultron',
      tailscaleIP: '100.101.102.103',
    },
  ],
  objectStorage: { namespace: 'ultronstorage', region: 'eu-frankfurt-1', bucket: 'ultron-pg-backups' },
  backups: { schedule: '0 0 3 * * *', retention: '30d', method: 'plugin', generation: 1 },
  // Every Secret the tree reads comes from this vault (External Secrets Operator, instance principal).
  secrets: {
    backend: 'oci-vault',
    vault: 'ocid1.vault.oc1.eu-frankfurt-1.ultronvault.abcdefghijklmnop',
    key: 'ocid1.key.oc1.eu-frankfurt-1.ultronvault.qrstuvwxyz012345',
    compartment: 'ocid1.compartment.oc1..aaaaaaaaultroncompartment',
  },
  monitoring: { namespace: 'monitoring', prometheusRelease: 'kube-prom-stack' },
  // Where alerts go. Credentials are Secret references (monitoring namespace), filled from the vault.
  alerting: {
    email: {
      to: 'ops@ultron.example.com',
      from: 'alertmanager@ultron.example.com',
      smarthost: 'smtp.email.eu-frankfurt-1.oci.oraclecloud.com:587',
      username: 'ocid1.user.oc1..aaaaaaaasmtpuser@ocid1.tenancy.oc1..aaaaaaaa.ax.com',
      password: { secret: 'alertmanager-receivers', key: 'smtp-password' },
    },
    webhook: {
      url: 'https://ntfy.sh/ultron-alerts',
      token: { secret: 'alertmanager-receivers', key: 'ntfy-token' },
    },
    // healthchecks.io pages when the Watchdog pings stop (Prometheus or Alertmanager down).
    heartbeat: { url: 'https://hc-ping.com/ultron-ping-key/ultron-watchdog', interval: '5m' },
  },
  imageOwner: 'ultron-infra',
  // What `ultron audit` may report without failing, each with the reason it is acceptable.
  audit: {
    accept: {
      'pod-security/argocd':
        'baseline: the argo-workflows and argo-events charts set no seccomp profile; audit and warn stay at restricted',
      'pod-security/keycloak':
        'baseline: the upstream Keycloak operator Deployment sets no securityContext; audit and warn stay at restricted',
      'pod-security/monitoring':
        'privileged: node-exporter reads the node through hostNetwork, hostPID and hostPath',
      'egress/external-secrets/external-secrets-oci-vault':
        'the OCI instance principal: External Secrets gets its certificate from the metadata service at 169.254.169.254, that one address only',
      'cluster-rbac/platform':
        'the CloudNativePG and Keycloak operators bind their own ClusterRoles to watch their resources in every namespace',
    },
  },
});
