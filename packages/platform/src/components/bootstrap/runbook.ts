import { alertingSecrets } from '../../alerting/alertmanager.js';
import { k3s } from '../../catalog/versions.js';
import type { Cluster, ClusterNode } from '../../cluster/schema.js';
import { BACKUP_CREDENTIAL_KEYS } from '../../cnpg/object-store.js';
import { PLATFORM_NAMESPACES, PLATFORM_REALM } from '../../conventions/names.js';
import { vaultSecretName } from '../../secrets/external-secrets.js';
import { ARGOCD_CLI_CALLBACK_PORT, argoCdHost } from '../argocd/values.js';
import { KEYCLOAK, KEYCLOAK_ADMIN_URL, keycloakHost } from '../keycloak/render.js';
import { grafanaService } from '../kube-prometheus-stack/values.js';
import { BOOTSTRAP_FILES, fromRepoRoot } from './files.js';
import { K3S_API_PORT, K3S_CONFIG_PATH, serverNode, tlsSans } from './k3s.js';
import { type BootstrapPlan, formatStep, REPO_CREDENTIAL } from './plan.js';

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
  const name = tlsSans(server)[0]!;
  const parts = [
    `**${server.name}** (the server):`,
    steps(server, 'server'),
    `The config keeps the bundled Traefik, encrypts Secrets at rest, writes the admin kubeconfig for root only (0600) and adds ${tlsSans(
      server,
    )
      .map((s) => `\`${s}\``)
      .join(
        ' and ',
      )} to the API certificate. Check on the node: \`sudo k3s kubectl get nodes\` lists it \`Ready\`.`,
    `On your machine, add the cluster as context \`${cluster.name}\` next to your other contexts (nothing else in \`~/.kube/config\` changes; the API is reached over Tailscale only):`,
    sh(
      [
        'mkdir -p ~/.kube && umask 077',
        `ssh ${server.name} sudo cat /etc/rancher/k3s/k3s.yaml | sed -e 's#https://127.0.0.1:${K3S_API_PORT}#https://${name}:${K3S_API_PORT}#' -e 's/^\\(\\s*\\(name\\|cluster\\|user\\|current-context\\):\\) default$/\\1 ${cluster.name}/' > ~/.kube/${cluster.name}.yaml`,
        `KUBECONFIG=~/.kube/config:~/.kube/${cluster.name}.yaml kubectl config view --flatten > ~/.kube/config.merged`,
        'mv ~/.kube/config.merged ~/.kube/config',
        `kubectl config use-context ${cluster.name}`,
      ].join('\n'),
    ),
    `Check: \`kubectl --context ${cluster.name} get nodes\` lists ${cluster.nodes.map((n) => `\`${n.name}\``).join(', ')}.`,
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

function helmLayer(cluster: Cluster, plan: BootstrapPlan): string {
  const steps = plan.steps.map(
    (s, i) => `${i + 1}. **${s.title}** — ${s.why}.\n\n${sh(formatStep(s)).replace(/^/gm, '    ')}`,
  );
  const s = cluster.secrets;
  const token =
    s.backend === 'oci-vault'
      ? // Read from the vault into the environment: never typed, never on a command line.
        `export ${REPO_CREDENTIAL.tokenEnv}="$(oci secrets secret-bundle get-secret-bundle-by-name --vault-id ${s.vault} --secret-name ${vaultSecretName(REPO_CREDENTIAL.secret, 'password')} --query 'data."secret-bundle-content".content' --raw-output | base64 -d)"`
      : `read -rs ${REPO_CREDENTIAL.tokenEnv} && export ${REPO_CREDENTIAL.tokenEnv}   # paste a fine-grained token with read access to the gitops repo`;
  return [
    'From a clone of this repository (after `pnpm install && pnpm turbo build`), with your kube context on this cluster, run the whole sequence. Every step is idempotent: rerunning continues after a failure, and it is also how the Helm layer is upgraded.',
    sh(
      [
        token,
        'pnpm --dir bootstrap exec ultron-bootstrap --dry-run   # prints the commands below',
        'pnpm --dir bootstrap exec ultron-bootstrap',
      ].join('\n'),
    ),
    'It runs exactly these commands, in this order:',
    steps.join('\n'),
    `Check: \`kubectl -n ${PLATFORM_NAMESPACES.argocd} get applications\` lists every component; within minutes they turn \`Synced\` and \`Healthy\` wave by wave (\`-w\` to watch).`,
  ].join('\n\n');
}

function repoCredential(cluster: Cluster): string {
  return [
    `\`ultron-bootstrap\` creates it from \`$${REPO_CREDENTIAL.tokenEnv}\` (step \`repo-credential\`)${cluster.secrets.backend === 'oci-vault' ? '; once External Secrets Operator runs, it keeps it in step with the vault' : ''}. By hand, the same Secret:`,
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

function secretsStep(cluster: Cluster): string {
  const ns = PLATFORM_NAMESPACES.keycloak;
  if (cluster.secrets.backend === 'oci-vault')
    return [
      'External Secrets Operator creates every Secret the tree reads from the vault (the ExternalSecrets are rendered from the same references `pnpm ultron secrets` lists). The values went into the vault in step 3; nothing to type here.',
      `Check: \`kubectl get externalsecrets -A\` shows every one \`SecretSynced\`, then \`pnpm ultron secrets --check\` (read-only) says all present. A \`SecretSyncedError\` names the vault secret that is missing: put it in with the command \`pnpm ultron secrets\` prints.`,
      `- Generated, nothing to do: \`${KEYCLOAK.pgAppSecret}\` and every \`<app>-pg-app\` (CNPG), \`${KEYCLOAK.initialAdminSecret}\` (Keycloak's temporary admin).`,
    ].join('\n\n');
  return [
    'Values never live in Git. `pnpm ultron secrets` prints, for every Secret the tree reads and nothing creates, the commands that create it from a temporary env file that is deleted right after. The namespaces appear once the root app has synced:',
    sh(
      `kubectl wait --for=jsonpath='{.status.phase}'=Active namespace/${ns} --timeout=15m\npnpm ultron secrets`,
    ),
    `For example \`${KEYCLOAK.pgBackupCreds}\` (${ns}), the Customer Secret Key of step 2 for the backups of \`${KEYCLOAK.pgCluster}\`. The access key is the plain hex string; the secret is the one containing \`+/=\`. Swapped, backups fail silently.`,
    sh(secretFromEnvFile(KEYCLOAK.pgBackupCreds, ns, Object.values(BACKUP_CREDENTIAL_KEYS))),
    ...(alertingSecrets(cluster).size
      ? [
          `Alertmanager's credentials are read from the Helm values, which \`pnpm ultron secrets\` does not scan: create ${[...alertingSecrets(cluster)].map(([name, keys]) => `\`${name}\` (${cluster.monitoring.namespace}; keys ${keys.join(', ')})`).join(', ')} the same way.`,
        ]
      : []),
    'Check: `pnpm ultron secrets --check` (read-only) says all present.',
    `- Generated, nothing to do: \`${KEYCLOAK.pgAppSecret}\` and every \`<app>-pg-app\` (CNPG), \`${KEYCLOAK.initialAdminSecret}\` (Keycloak's temporary admin).`,
  ].join('\n\n');
}

/** Step 1: the facts only the operator knows, in the one file every render reads. */
function clusterDefinition(): string {
  return [
    'Everything below is rendered from `cluster/cluster.ts`. Fill it in first (see `cluster/README.md`): the cluster `name`, `gitops.repoURL` (your private copy of this repository), `authDomain` and `acme.email`, the `nodes` (name, capacity, Tailscale name and IP, known after step 4: come back then), `objectStorage` (step 2), `secrets` (step 3: `oci-vault` with its OCIDs, or `manual`), `alerting` (where alerts go) and `imageOwner` (the GitHub owner of the app images). Then render and validate:',
    sh('pnpm install && pnpm turbo build\npnpm ultron validate'),
    'Check: `pnpm ultron validate` ends without problems; `git status` shows the re-rendered `gitops/`. Commit and push: Argo CD reads this repository.',
  ].join('\n\n');
}

/** Step 2: the bucket every Postgres archives to, and the S3-compatible key the backups sign with. */
function objectStorageStep(cluster: Cluster): string {
  const { bucket, region } = cluster.objectStorage;
  const compartment =
    cluster.secrets.backend === 'oci-vault' ? cluster.secrets.compartment : '<compartment OCID>';
  return [
    'With the `oci` CLI configured for your tenancy (`oci setup config`):',
    sh(
      [
        `oci os ns get --query data --raw-output   # the Object Storage namespace: objectStorage.namespace`,
        `oci os bucket create --region ${region} --compartment-id ${compartment} --name ${bucket} --public-access-type NoPublicAccess`,
        `oci iam customer-secret-key create --user-id <your user OCID> --display-name ${cluster.name}-pg-backups`,
      ].join('\n'),
    ),
    'The last command prints the key once: `id` is the access key (plain hex), `key` the secret key (contains `+/=`). Keep them for step 3 (or step 9 without a vault); they are shown only now.',
    `Check: \`oci os bucket get --region ${region} --bucket-name ${bucket}\` answers.`,
  ].join('\n\n');
}

/** Step 3: the vault, and the identity that lets the node (not a person) read it. */
function vaultStep(cluster: Cluster): string {
  const s = cluster.secrets;
  if (s.backend !== 'oci-vault')
    return "This cluster takes its secrets by hand (`secrets: { backend: 'manual' }`): skip to step 4. For declarative secrets, set `oci-vault` in the cluster definition and follow this step as rendered then.";
  const region = s.region ?? cluster.objectStorage.region;
  return [
    `External Secrets Operator reads the vault as the node itself (instance principal): no credential to bootstrap. Create the vault and its key once, a dynamic group holding the node(s) and a policy letting it read the vault's secrets. After the first command, put the vault's OCID into \`secrets.vault\` of the cluster definition and re-render (the next commands carry it); the same for the key (\`secrets.key\`):`,
    sh(
      [
        `oci kms management vault create --region ${region} --compartment-id ${s.compartment} --display-name ${cluster.name} --vault-type DEFAULT   # → secrets.vault`,
        `oci kms management key create --compartment-id ${s.compartment} --display-name ${cluster.name}-secrets --key-shape '{"algorithm":"AES","length":32}' --endpoint "$(oci kms management vault get --vault-id ${s.vault} --query 'data."management-endpoint"' --raw-output)"   # → secrets.key`,
        `oci iam dynamic-group create --name ${cluster.name}-nodes --description 'the k3s nodes of ${cluster.name}' --matching-rule "ALL {instance.compartment.id = '${s.compartment}'}"`,
        `oci iam policy create --compartment-id <tenancy OCID> --name ${cluster.name}-external-secrets --description 'ESO on the nodes reads the vault and stores the secrets it generates' --statements '${JSON.stringify(
          [
            `Allow dynamic-group ${cluster.name}-nodes to manage secret-family in compartment id ${s.compartment} where target.vault.id = '${s.vault}'`,
            `Allow dynamic-group ${cluster.name}-nodes to use vaults in compartment id ${s.compartment} where target.vault.id = '${s.vault}'`,
            `Allow dynamic-group ${cluster.name}-nodes to use keys in compartment id ${s.compartment} where target.key.id = '${s.key}'`,
          ],
        ).replaceAll("'", `'"'"'`)}'`,
      ].join('\n'),
    ),
    "Then put every value into the vault: `pnpm ultron secrets` lists each one (the Customer Secret Key of step 2, the repository token, the registry token, the alerting credentials) with the commands that store it without putting it on a command line. Values nobody needs to know (each app's API client secret) are not among them: ESO generates them and stores them in the vault itself (hence `manage secret-family`).",
    sh('pnpm ultron secrets'),
    `Check: \`oci vault secret list --region ${region} --compartment-id ${s.compartment} --vault-id ${s.vault} --query 'data[]."secret-name"'\` holds every name \`pnpm ultron secrets\` lists.`,
  ].join('\n\n');
}

function tailscaleStep(cluster: Cluster): string {
  return [
    'The Kubernetes API is reached over Tailscale only. On each node (and on your machine, if it is not in the tailnet yet):',
    sh(
      cluster.nodes
        .map((n) =>
          [
            `ssh ${n.name}`,
            'curl -fsSL https://tailscale.com/install.sh | sh',
            `sudo tailscale up --hostname ${n.tailscaleName ?? n.name}`,
            'tailscale ip -4',
          ].join('\n'),
        )
        .join('\n\n'),
    ),
    `Check: \`tailscale ip -4\` on ${cluster.nodes.map((n) => `${n.name} prints ${n.tailscaleIP ? `\`${n.tailscaleIP}\`` : 'its address'}`).join(', ')} (the \`nodes[].tailscaleIP\` of the cluster definition; if not, fix the definition and re-render), and \`ping ${tlsSans(serverNode(cluster))[0]}\` answers from your machine.`,
  ].join('\n\n');
}

function dnsStep(cluster: Cluster): string {
  return [
    `An A record per host the tree serves, to the node's public IP (Let's Encrypt checks each over HTTP before issuing its certificate). The list comes from the rendered tree, apps included:`,
    sh('pnpm ultron hosts'),
    `Today that is \`${argoCdHost(cluster)}\`, \`${keycloakHost(cluster)}\` and every app's hosts (its \`api.<domain>\` or its own \`hosts\`).`,
    'Check: `dig +short <host>` prints the public IP for each.',
  ].join('\n\n');
}

function disasterRecovery(cluster: Cluster): string {
  const { generation } = cluster.backups;
  return [
    `A rebuild from nothing must bring the data back, and must not write into the old archive (CNPG refuses to archive into a folder another server wrote: "Expected empty archive"). Each archive generation is its own folder in \`${cluster.objectStorage.bucket}\` (generation 1 is \`<cluster>/\`, generation N is \`<cluster>-genN/\`). This cluster writes generation ${generation}.`,
    `1. In \`cluster/cluster.ts\` set \`backups: { …, generation: ${generation + 1}, recoverFrom: ${generation} }\`, then \`pnpm turbo build\`, review, commit, push. Every database (apps' and Keycloak's) now bootstraps with \`recovery\` from generation ${generation} and archives into generation ${generation + 1}.`,
    '2. Follow steps 4 to 9 on the new machine.',
    '3. Check: `kubectl get clusters.postgresql.cnpg.io -A` shows every cluster healthy, and each app serves its data.',
    `4. Back to normal: remove \`recoverFrom\` (keep \`generation: ${generation + 1}\`), render, push. The bootstrap section only matters when a cluster is created, so nothing restarts.`,
    "Point-in-time restore of one app (never in place): `pnpm ultron restore <app> --to <RFC 3339 time>` prints a new `<app>-pg-restore` cluster; the app namespace's NetworkPolicies admit its pods like the database's.",
  ].join('\n');
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
  const oci = cluster.secrets.backend === 'oci-vault';
  return [
    `# Standing up ${cluster.name}, from an empty Oracle account to running apps`,
    `Every command below is generated from the cluster definition (\`cluster/cluster.ts\`) and the version catalog of \`@ultron/platform\`; change those and re-render instead of editing this file. Run the steps in this order; each ends with what to check before going on. Commands run from a clone of this repository unless they start with \`ssh\`.`,
    `You need: an Oracle Cloud account with an Ampere A1 VM (Ubuntu) reachable over SSH as \`${serverNode(cluster).name}\`, the \`oci\` CLI, a Tailscale account, and on your machine \`kubectl\`, \`helm\` (3.x), Node 24 and pnpm.`,
    '## 1. The cluster definition',
    clusterDefinition(),
    '## 2. Object Storage: the backup bucket and its key',
    objectStorageStep(cluster),
    `## 3. ${oci ? 'OCI Vault: every secret value, once' : 'Secrets backend'}`,
    vaultStep(cluster),
    '## 4. Tailscale on the node',
    tailscaleStep(cluster),
    `## 5. Install k3s ${k3s.version}`,
    installK3s(cluster),
    '## 6. Firewall',
    firewall(),
    '## 7. DNS',
    dnsStep(cluster),
    '## 8. Helm bootstrap, repository credential and root app',
    helmLayer(cluster, plan),
    '### The repository credential (what step `repo-credential` does)',
    repoCredential(cluster),
    `## 9. ${oci ? 'Secrets arrive from the vault' : 'Create the secrets'}`,
    secretsStep(cluster),
    '## 10. First logins and checks',
    afterwards(cluster),
    '## Single sign-on and break-glass',
    singleSignOn(cluster),
    '## Rebuild from backups (disaster recovery)',
    disasterRecovery(cluster),
    '## What stays manual, and why',
    [
      '- The Oracle account, the VM, the bucket, the Customer Secret Key, the vault and its IAM (steps 2–3): they exist before any cluster and outlive it; the `oci` commands are above.',
      '- k3s, Tailscale and the firewall live on the node, outside any cluster API (steps 4–6).',
      '- DNS records live at your DNS provider (step 7).',
      oci
        ? '- Secret values are typed once, into the vault (step 3): never in Git. A rebuild from Git needs none typed again; the repository token is read from the vault for the Helm bootstrap.'
        : '- Secret values are typed after every rebuild (step 9): never in Git. Switch `secrets` to `oci-vault` to type them once, into a vault.',
      "- Keycloak realms: `KeycloakRealmImport` creates a realm once and ignores later edits; each app's realm-sync Job reapplies its clients and roles through the admin API (with the realm's own `realm-sync` client) and deletes the ones removed from the definition: `ultron realm diff <app>` lists them before you push. A realm imported before the sync client existed needs it once: in the admin console create confidential client `realm-sync` (service account only) with realm-management roles manage-clients, manage-realm, view-clients, view-realm, and put its secret in `<app>-kc` as `KC_SYNC_CLIENT_SECRET`.",
    ].join('\n'),
    '## Changing the bootstrap layer',
    'Argo CD does not sync `gitops/bootstrap/`. To change it (bump `@ultron/*` or a pin of the catalog, Helm values, the ClusterIssuers, the Traefik tuning): run `pnpm turbo build`, review the YAML diff of `gitops/bootstrap/`, merge, then run `ultron-bootstrap` again. Every step is idempotent: `helm upgrade --install` and server-side apply only change what changed. A changed k3s config is copied to the node(s) by hand and followed by `sudo systemctl restart k3s` (or `k3s-agent`).',
  ].join('\n\n');
}
