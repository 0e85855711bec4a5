import { k3s } from '../../catalog/versions.js';
import type { Cluster, ClusterNode } from '../../cluster/schema.js';
import { BACKUP_CREDENTIAL_KEYS } from '../../cnpg/object-store.js';
import { PLATFORM_NAMESPACES, PLATFORM_REALM } from '../../conventions/names.js';
import { KEYCLOAK, KEYCLOAK_ADMIN_URL, keycloakHost } from '../keycloak.js';
import { BOOTSTRAP_FILES, fromRepoRoot } from './files.js';
import { K3S_API_PORT, K3S_CONFIG_PATH, serverNode, tlsSans } from './k3s.js';
import { type BootstrapPlan, formatStep, REPO_CREDENTIAL } from './plan.js';
import { ARGOCD_CLI_CALLBACK_PORT, argoCdHost } from './values/argo-cd.js';
import { grafanaService } from './values/kube-prometheus-stack.js';

/** The commands that create one Secret from a temporary env file, then delete the file. */
export function secretFromEnvFile(
  name: string,
  namespace: string,
  keys: readonly string[],
  extra: string[] = [],
): string {
  return [
    `umask 077 && tmp=$(mktemp)`,
    `cat > "$tmp" <<'EOF'`,
    ...keys.map((k) => `${k}=<${k}>`),
    'EOF',
    `kubectl -n ${namespace} create secret generic ${name} --from-env-file="$tmp"`,
    ...extra,
    'rm -f "$tmp"',
  ].join('\n');
}

const sh = (code: string) => `\`\`\`sh\n${code}\n\`\`\``;

function installK3s(cluster: Cluster): string {
  const server = serverNode(cluster);
  const agents = cluster.nodes.filter((n) => n.role === 'agent');
  const install = (role: string, env = '') =>
    `curl -sfL https://get.k3s.io | ${env}INSTALL_K3S_VERSION=${k3s.version} sh -s - ${role}`;
  /** Copies the node's rendered config from a clone of this repository, then installs k3s on the node. */
  const steps = (node: ClusterNode, role: string, env = '') =>
    sh(
      [
        `scp ${fromRepoRoot(BOOTSTRAP_FILES.k3sConfig(node))} ${node.name}:k3s-config.yaml   # from your clone`,
        `ssh ${node.name}`,
        `sudo install -D -m 0600 k3s-config.yaml ${K3S_CONFIG_PATH} && rm k3s-config.yaml`,
        install(role, env),
      ].join('\n'),
    );
  const parts = [
    `**${server.name}** (the server): install Tailscale first (\`tailscale up\`), then:`,
    steps(server, 'server'),
    `The config keeps the bundled Traefik, encrypts Secrets at rest, writes the admin kubeconfig for root only (0600) and adds ${tlsSans(
      server,
    )
      .map((s) => `\`${s}\``)
      .join(
        ' and ',
      )} to the API certificate. On your machine: \`ssh ${server.name} sudo cat /etc/rancher/k3s/k3s.yaml > ~/.kube/config && chmod 600 ~/.kube/config\`, then set its \`server:\` to \`https://${tlsSans(server)[0]}:${K3S_API_PORT}\` (MagicDNS resolves it to the Tailscale IP; reached over Tailscale only).`,
  ];
  for (const agent of agents) {
    parts.push(
      `**${agent.name}** (agent): join over Tailscale with the server's token (\`sudo cat /var/lib/rancher/k3s/server/node-token\` on ${server.name}); it is passed in the environment, never written into the config:`,
      steps(agent, 'agent', 'K3S_TOKEN=<node-token> '),
    );
  }
  return parts.join('\n\n');
}

function firewall(): string {
  return [
    'Only 80 and 443 are public (both to Traefik); the Kubernetes API is reachable over Tailscale only.',
    `- Oracle Cloud: in the subnet's security list (or the instance's NSG) allow TCP 80 and 443 from \`0.0.0.0/0\`. Add **no** rule for ${K3S_API_PORT}.`,
    '- On every node (Oracle images ship an iptables policy that drops everything but SSH):',
    sh(
      [
        'sudo iptables -I INPUT -p tcp --dport 80 -j ACCEPT',
        'sudo iptables -I INPUT -p tcp --dport 443 -j ACCEPT',
        `sudo iptables -I INPUT -i tailscale0 -p tcp --dport ${K3S_API_PORT} -j ACCEPT`,
        'sudo netfilter-persistent save',
      ].join('\n'),
    ),
    `- Check from outside Tailscale: \`nc -vz <public ip> ${K3S_API_PORT}\` must time out.`,
  ].join('\n');
}

function helmLayer(plan: BootstrapPlan): string {
  const steps = plan.steps.map(
    (s, i) => `${i + 1}. **${s.title}** — ${s.why}.\n\n${sh(formatStep(s)).replace(/^/gm, '    ')}`,
  );
  return [
    'From a clone of this repository (after `pnpm install && pnpm turbo build`), with your kube context on this cluster, run the whole sequence. Every step is idempotent: rerunning continues after a failure, and it is also how the Helm layer is upgraded.',
    sh(
      [
        `export ${REPO_CREDENTIAL.tokenEnv}=<fine-grained token with read access to the gitops repo>`,
        'pnpm --dir bootstrap exec ultron-bootstrap --dry-run   # prints the commands below',
        'pnpm --dir bootstrap exec ultron-bootstrap',
      ].join('\n'),
    ),
    'It runs exactly these commands, in this order:',
    steps.join('\n'),
  ].join('\n\n');
}

function repoCredential(cluster: Cluster): string {
  return [
    `\`ultron-bootstrap\` creates it from \`$${REPO_CREDENTIAL.tokenEnv}\` (step \`repo-credential\`). By hand, the same Secret:`,
    sh(
      [
        'umask 077 && tmp=$(mktemp)',
        `printf 'type=git\\nurl=%s\\nusername=%s\\npassword=%s\\n' '${cluster.gitops.repoURL}' '${REPO_CREDENTIAL.defaultUsername}' "$${REPO_CREDENTIAL.tokenEnv}" > "$tmp"`,
        `kubectl -n ${REPO_CREDENTIAL.namespace} create secret generic ${REPO_CREDENTIAL.secret} --from-env-file="$tmp"`,
        `kubectl -n ${REPO_CREDENTIAL.namespace} label secret ${REPO_CREDENTIAL.secret} ${Object.entries(
          REPO_CREDENTIAL.label,
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
        'rm -f "$tmp"',
      ].join('\n'),
    ),
  ].join('\n\n');
}

function outOfBandSecrets(): string {
  const ns = PLATFORM_NAMESPACES.keycloak;
  return [
    'Values never live in Git. Each is created from a temporary env file that is deleted right after. The namespaces appear once the root app has synced:',
    sh(`kubectl wait --for=jsonpath='{.status.phase}'=Active namespace/${ns} --timeout=15m`),
    `- \`${KEYCLOAK.pgBackupCreds}\` (${ns}): an Oracle Customer Secret Key for the backups of \`${KEYCLOAK.pgCluster}\`. The access key is the plain hex string; the secret is the one containing \`+/=\`. Swapped, backups fail silently.`,
    sh(secretFromEnvFile(KEYCLOAK.pgBackupCreds, ns, Object.values(BACKUP_CREDENTIAL_KEYS))),
    '- Each workload lists its own (`<app>-pg-backup-creds`, `<app>-kc`, a GHCR pull secret for private images) in its folder under `workloads/`; create them the same way.',
    `- Operator-generated, nothing to do: \`${KEYCLOAK.pgAppSecret}\` and every \`<app>-pg-app\` (CNPG), \`${KEYCLOAK.initialAdminSecret}\` (Keycloak's temporary admin).`,
  ].join('\n\n');
}

function afterwards(cluster: Cluster): string {
  return [
    `- Argo CD: https://${argoCdHost(cluster)} — sign in with Keycloak (section 7); the local \`admin\` is disabled.`,
    `- Keycloak's admin console is not public (the edge routes only realm endpoints, never \`/admin\` or the master realm): over Tailscale, \`kubectl -n ${PLATFORM_NAMESPACES.keycloak} port-forward svc/${KEYCLOAK.service} ${KEYCLOAK.httpPort}\`, then ${KEYCLOAK_ADMIN_URL}/admin/. The bootstrap admin is in Secret \`${KEYCLOAK.initialAdminSecret}\` (${PLATFORM_NAMESPACES.keycloak}); create personal admins in \`master\` and stop using it. No automation uses it: each app realm's sync Job has its own \`realm-sync\` client.`,
    `- Once, after Keycloak first starts: the admin console signs in through the master realm, whose pages Keycloak addresses at its public host unless the realm says otherwise, and the edge does not route them. Point the master realm at the port-forward address, from inside the pod (the bootstrap admin's credentials stay in its environment; the script travels on stdin):`,
    sh(
      [
        `kubectl -n ${PLATFORM_NAMESPACES.keycloak} exec -i ${KEYCLOAK.instance}-0 -- bash -s <<'EOF'`,
        'export HOME=/tmp KC_CLI_PASSWORD="$KC_BOOTSTRAP_ADMIN_PASSWORD"',
        `/opt/keycloak/bin/kcadm.sh config credentials --config /tmp/kcadm.config --server http://localhost:${KEYCLOAK.httpPort} --realm master --user "$KC_BOOTSTRAP_ADMIN_USERNAME"`,
        `/opt/keycloak/bin/kcadm.sh update realms/master --config /tmp/kcadm.config -s attributes.frontendUrl=${KEYCLOAK_ADMIN_URL}`,
        'rm -f /tmp/kcadm.config',
        'EOF',
      ].join('\n'),
    ),
    `- Grafana is not public: \`kubectl -n ${cluster.monitoring.namespace} port-forward svc/${grafanaService(cluster)} 3000:80\`; its admin password is in Secret \`${grafanaService(cluster)}\`.`,
    `- Watch the waves converge: \`kubectl -n ${PLATFORM_NAMESPACES.argocd} get applications -w\` (operators, then Keycloak, then the workloads).`,
  ].join('\n');
}

function singleSignOn(cluster: Cluster): string {
  const argocd = PLATFORM_NAMESPACES.argocd;
  return [
    `Argo CD signs people in through Keycloak: realm \`${PLATFORM_REALM.realm}\`, public client \`${PLATFORM_REALM.argocdClient}\` (PKCE, exact redirect URIs, a \`groups\` claim). Members of group \`${PLATFORM_REALM.argocdAdminGroup}\` are Argo CD admins; everyone else who can sign in reads only. The local \`admin\` account is disabled.`,
    `- Give someone access: in the admin console (section 6), realm \`${PLATFORM_REALM.realm}\` → Users → add the user (with a verified email and a password or an identity provider), and for admin rights join group \`${PLATFORM_REALM.argocdAdminGroup}\`.`,
    `- CLI: \`argocd login ${argoCdHost(cluster)} --sso --grpc-web\` opens the browser; the CLI receives the code on \`http://localhost:${ARGOCD_CLI_CALLBACK_PORT}/auth/callback\` (a registered redirect URI), so run it on the machine with the browser.`,
    '- Break-glass (Keycloak down or the realm broken): `kubectl` over Tailscale still has cluster-admin, so Argo CD is never the only way in. To get the UI back temporarily, enable the local admin and set its password from a prompt, never a command argument:',
    sh(
      [
        `kubectl -n ${argocd} patch configmap argocd-cm --type merge -p '{"data":{"admin.enabled":"true"}}'`,
        'hash=$(htpasswd -nBC 10 admin | cut -d: -f2)   # prompts for the password',
        `kubectl -n ${argocd} patch secret argocd-secret --type merge -p "{\\"stringData\\":{\\"admin.password\\":\\"$hash\\",\\"admin.passwordMtime\\":\\"$(date -u +%FT%TZ)\\"}}"`,
        `kubectl -n ${argocd} rollout restart deployment argocd-server`,
      ].join('\n'),
    ),
    'Then fix Keycloak, and close the glass again: rerun `ultron-bootstrap` (the Helm values set `admin.enabled: false`) and `kubectl -n argocd patch secret argocd-secret --type json -p \'[{"op":"remove","path":"/data/admin.password"}]\'`.',
  ].join('\n\n');
}

/** `bootstrap/README.md`: the exact rebuild order, rendered from the same plan the command runs. */
export function runbook(cluster: Cluster, plan: BootstrapPlan): string {
  return [
    `# Rebuilding ${cluster.name} from nothing`,
    `Every command below is generated from the cluster definition (\`cluster/cluster.ts\`) and the version catalog of \`@ultron/platform\`; change those and re-render instead of editing this file. Run them in this order.`,
    `You need: a fresh Oracle Cloud Ampere A1 VM reachable over SSH, a Tailscale account, on your machine Tailscale, \`kubectl\`, \`helm\` (3.x), Node 24 and pnpm, and DNS A records for \`${argoCdHost(cluster)}\`, \`${keycloakHost(cluster)}\` and each app's \`api.<domain>\` pointing at the VM's public IP (Let's Encrypt checks them over HTTP).`,
    `## 1. Install k3s ${k3s.version}`,
    installK3s(cluster),
    '## 2. Firewall',
    firewall(),
    '## 3. Helm bootstrap, repository credential and root app',
    helmLayer(plan),
    '## 4. Repository credential (what step `repo-credential` does)',
    repoCredential(cluster),
    '## 5. Recreate the out-of-band secrets',
    outOfBandSecrets(),
    '## 6. First logins and checks',
    afterwards(cluster),
    '## 7. Single sign-on and break-glass',
    singleSignOn(cluster),
    '## What stays manual, and why',
    [
      '- k3s, Tailscale and the firewall live on the node, outside any cluster API.',
      '- Secret values (repository token, backup keys, client secrets) must never be in Git; declarative secrets (Sealed Secrets or SOPS) are the planned next step.',
      "- Keycloak realms: `KeycloakRealmImport` creates a realm once and ignores later edits; each app's realm-sync Job reapplies its clients and roles through the admin API (with the realm's own `realm-sync` client) and deletes the ones removed from the definition: `ultron realm diff <app>` lists them before you push. A realm imported before the sync client existed needs it once: in the admin console create confidential client `realm-sync` (service account only) with realm-management roles manage-clients, manage-realm, view-clients, view-realm, and put its secret in `<app>-kc` as `KC_SYNC_CLIENT_SECRET`.",
    ].join('\n'),
    '## Changing the bootstrap layer',
    'Argo CD does not sync `gitops/bootstrap/`. To change it (bump `@ultron/*` or a pin of the catalog, Helm values, the ClusterIssuers, the Traefik tuning): run `pnpm turbo build`, review the YAML diff of `gitops/bootstrap/`, merge, then run `ultron-bootstrap` again. Every step is idempotent: `helm upgrade --install` and server-side apply only change what changed. A changed k3s config is copied to the node(s) by hand and followed by `sudo systemctl restart k3s` (or `k3s-agent`).',
  ].join('\n\n');
}
