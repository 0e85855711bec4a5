import type { Cluster } from '../cluster/schema.js';
import { PLATFORM_NAMESPACES } from '../conventions/names.js';
import { routedHosts } from '../inspect/hosts.js';
import { field } from '../inspect/json.js';
import { ofKind, type TreeEntry } from '../inspect/objects.js';
import { PSS_REASON_ANNOTATION, REASON_ANNOTATION } from '../network/index.js';
import { describe } from '../render/manifest.js';
import noSecretsOnArgv from '../rules/no-secrets-on-argv.js';
import podSecurityRestricted from '../rules/pod-security-restricted.js';

/** One thing that bypasses a secure default; `id` is what the cluster definition's `audit.accept` names. */
export interface AuditFinding {
  id: string;
  message: string;
  /** The definition's reason, when it accepts this finding. */
  accepted?: string;
}

export interface NamespaceAudit {
  name: string;
  /** Enforced Pod Security level, or `none`. */
  podSecurity: string;
  podSecurityReason?: string;
  defaultDeny: boolean;
  /** Every NetworkPolicy other than default-deny, with its reason. */
  allows: { name: string; reason: string }[];
  /** Hosts routed into this namespace from the internet. */
  publicHosts: string[];
}

export interface AuditReport {
  namespaces: NamespaceAudit[];
  /** Who may hold cluster-wide rights: rendered bindings, projects allowed to create them, Helm releases. */
  clusterWide: { subject: string; via: string }[];
  findings: AuditFinding[];
  /** `audit.accept` entries that match no finding: stale, remove them. */
  staleAcceptances: string[];
}

/** What the audit needs besides the tree's objects: the Argo CD Helm values (not a manifest) and the releases. */
export interface AuditInput {
  entries: readonly TreeEntry[];
  cluster: Pick<Cluster, 'authDomain' | 'audit'>;
  argoCdValues?: Record<string, unknown>;
  /** Helm releases of the bootstrap: `<release> (<namespace>)`; their charts bind cluster roles. */
  helmReleases?: string[];
}

const toInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
function contains(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits ?? 32));
  return Math.floor(toInt(ip) / size) === Math.floor(toInt(base ?? '0.0.0.0') / size);
}
/** Addresses no egress should reach unless a policy names them exactly. */
const PRIVATE_PROBES = [
  ['100.64.0.1', 'Tailscale/CGNAT (100.64.0.0/10)'],
  ['169.254.169.254', 'link-local / cloud metadata'],
  ['127.0.0.1', 'loopback'],
] as const;

/**
 * The security report of a rendered tree: per namespace its Pod Security level, policies and public
 * hosts; who holds cluster-wide rights; and every object that bypasses a rule. A finding fails the audit
 * unless the cluster definition accepts it by id, with a reason.
 */
export function auditTree(input: AuditInput): AuditReport {
  const { entries } = input;
  const findings: AuditFinding[] = [];
  const add = (id: string, message: string) => findings.push({ id, message });
  const platform = new Set<string>(Object.values(PLATFORM_NAMESPACES));

  const routes = [...ofKind(entries, 'Ingress'), ...ofKind(entries, 'IngressRoute')];
  const argoCdHost = field(input.argoCdValues, 'global', 'domain') as string | undefined;
  const argoCdPublic = field(input.argoCdValues, 'server', 'ingress', 'enabled') === true;

  const names = new Set<string>();
  for (const ns of ofKind(entries, 'Namespace')) names.add(ns.manifest.metadata.name ?? '');
  for (const e of entries) if (e.manifest.metadata.namespace) names.add(e.manifest.metadata.namespace);
  // Namespaces Argo CD creates on sync (CreateNamespace=true) exist too, with whatever labels it gives them.
  for (const app of ofKind(entries, 'Application')) {
    const options = (field(app.manifest, 'spec', 'syncPolicy', 'syncOptions') as string[]) ?? [];
    const ns = field(app.manifest, 'spec', 'destination', 'namespace') as string | undefined;
    if (ns && options.includes('CreateNamespace=true')) names.add(ns);
  }
  names.delete(PLATFORM_NAMESPACES.kubeSystem);

  const namespaces: NamespaceAudit[] = [...names].sort().map((name) => {
    const ns = ofKind(entries, 'Namespace').find((n) => n.manifest.metadata.name === name);
    const level = ns?.manifest.metadata.labels?.['pod-security.kubernetes.io/enforce'] ?? 'none';
    const reason = ns?.manifest.metadata.annotations?.[PSS_REASON_ANNOTATION];
    if (!ns)
      add(
        `namespace/${name}`,
        `namespace ${name} is not rendered: created implicitly, without Pod Security labels`,
      );
    else if (level === 'none')
      add(`pod-security/${name}`, `namespace ${name} enforces no Pod Security level`);
    else if (level !== 'restricted')
      add(
        `pod-security/${name}`,
        `namespace ${name} enforces "${level}", not "restricted"${reason ? ` (${reason})` : ''}`,
      );

    const policies = ofKind(entries, 'NetworkPolicy').filter((p) => p.manifest.metadata.namespace === name);
    const deny = policies.find(
      (p) =>
        JSON.stringify(field(p.manifest, 'spec', 'podSelector')) === '{}' &&
        !field(p.manifest, 'spec', 'ingress') &&
        !field(p.manifest, 'spec', 'egress') &&
        JSON.stringify(field(p.manifest, 'spec', 'policyTypes')) === '["Ingress","Egress"]',
    );
    if (!deny) add(`default-deny/${name}`, `namespace ${name} has no default-deny NetworkPolicy`);
    const allows = policies
      .filter((p) => p !== deny)
      .map((p) => {
        const why = p.manifest.metadata.annotations?.[REASON_ANNOTATION] ?? '';
        const policy = p.manifest.metadata.name ?? '';
        if (!why)
          add(
            `policy-reason/${name}/${policy}`,
            `NetworkPolicy ${name}/${policy} does not say why it allows`,
          );
        const blocks = (
          (field(p.manifest, 'spec', 'egress') as {
            to?: { ipBlock?: { cidr: string; except?: string[] } }[];
          }[]) ?? []
        )
          .flatMap((r) => r.to ?? [])
          .flatMap((peer) => (peer.ipBlock ? [peer.ipBlock] : []));
        for (const b of blocks) {
          const reached = PRIVATE_PROBES.filter(
            ([ip]) => contains(b.cidr, ip) && !(b.except ?? []).some((x) => contains(x, ip)),
          ).map(([, what]) => what);
          if (reached.length)
            add(
              `egress/${name}/${policy}`,
              `NetworkPolicy ${name}/${policy} allows egress to ${b.cidr}${b.except?.length ? ' (minus some ranges)' : ''}, which includes ${reached.join(', ')}`,
            );
        }
        return { name: policy, reason: why };
      });

    const publicHosts = routes
      .filter((r) => r.manifest.metadata.namespace === name)
      .flatMap((r) => routedHosts(r.manifest));
    if (name === PLATFORM_NAMESPACES.argocd && argoCdPublic && argoCdHost) publicHosts.push(argoCdHost);
    return {
      name,
      podSecurity: level,
      ...(reason ? { podSecurityReason: reason } : {}),
      defaultDeny: Boolean(deny),
      allows,
      publicHosts: [...new Set(publicHosts)].sort(),
    };
  });

  // Public hosts: the app APIs (from their own namespaces), auth.<domain> realm paths and argocd.<domain>.
  const auth = `auth.${input.cluster.authDomain}`;
  for (const r of routes) {
    const ns = r.manifest.metadata.namespace ?? '';
    for (const host of routedHosts(r.manifest)) {
      // An app routes its own hosts from its own namespace; the platform routes only auth.<domain>.
      const expected = !platform.has(ns) || (ns === PLATFORM_NAMESPACES.keycloak && host === auth);
      if (!expected) add(`public-host/${host}`, `${describe(r.manifest)} routes ${host} to the internet`);
    }
    if (ns === PLATFORM_NAMESPACES.keycloak) {
      const whole =
        r.manifest.kind === 'Ingress' ||
        ((field(r.manifest, 'spec', 'routes') as { match?: string }[]) ?? []).some(
          (route) =>
            !/PathPrefix\(`\/realms\/`\)/.test(route.match ?? '') ||
            !/!PathPrefix\(`\/realms\/master\/`\)/.test(route.match ?? ''),
        );
      if (whole)
        add(
          `keycloak-admin/${auth}`,
          `${describe(r.manifest)} routes more than the realm endpoints: /admin or the master realm is public`,
        );
    }
  }

  // Argo CD: SSO, no local admin, every Application in a confining project.
  if (input.argoCdValues) {
    const cm = (field(input.argoCdValues, 'configs', 'cm') as Record<string, unknown>) ?? {};
    if (cm['admin.enabled'] !== false)
      add('argocd/local-admin', 'Argo CD keeps its local admin account enabled');
    if (!cm['oidc.config'] && !cm['dex.config'])
      add('argocd/no-sso', 'Argo CD has no single sign-on configured');
    if (!field(input.argoCdValues, 'configs', 'rbac', 'policy.default'))
      add(
        'argocd/rbac-default',
        'Argo CD RBAC has no default role: every signed-in user gets what policy.csv grants',
      );
  }
  for (const app of ofKind(entries, 'Application')) {
    const project = field(app.manifest, 'spec', 'project');
    if (project === 'default' || !project)
      add(
        `project/${app.manifest.metadata.name}`,
        `Application ${app.manifest.metadata.name} is in the unconfined "default" project`,
      );
  }
  const clusterWide: AuditReport['clusterWide'] = [];
  for (const p of ofKind(entries, 'AppProject')) {
    const name = p.manifest.metadata.name ?? '';
    const spec = field(p.manifest, 'spec');
    if (JSON.stringify(spec).includes('"*"'))
      add(`project-wildcard/${name}`, `AppProject ${name} allows "*"`);
    const kinds = ((field(spec, 'clusterResourceWhitelist') as { kind: string }[]) ?? []).map((k) => k.kind);
    if (kinds.includes('ClusterRoleBinding')) {
      clusterWide.push({
        subject: `service accounts of Applications in project ${name}`,
        via: 'ClusterRoleBinding allowed by the project',
      });
      add(
        `cluster-rbac/${name}`,
        `AppProject ${name} may create ClusterRoleBindings (cluster-wide rights for its service accounts)`,
      );
    }
  }
  for (const b of ofKind(entries, 'ClusterRoleBinding')) {
    const role = field(b.manifest, 'roleRef', 'name');
    for (const s of (field(b.manifest, 'subjects') as { kind: string; name: string; namespace?: string }[]) ??
      []) {
      const subject = `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
      clusterWide.push({ subject, via: `ClusterRoleBinding ${b.manifest.metadata.name} → ${role}` });
      add(`cluster-rbac/${b.manifest.metadata.name}`, `${subject} is bound to ClusterRole ${role}`);
    }
  }
  for (const release of input.helmReleases ?? [])
    clusterWide.push({
      subject: `service accounts of Helm release ${release}`,
      via: "the chart's ClusterRoleBindings (bootstrap)",
    });

  // Per-object policies: pods below "restricted", secrets on command lines.
  for (const rule of [podSecurityRestricted, noSecretsOnArgv])
    for (const p of rule.check(entries)) add(`${rule.id}/${p.path.split(':')[0]}`, `${p.path}: ${p.message}`);

  const accept = input.cluster.audit?.accept ?? {};
  const unique = [...new Map(findings.map((f) => [`${f.id}\n${f.message}`, f])).values()];
  for (const f of unique) if (accept[f.id]) f.accepted = accept[f.id];
  const ids = new Set(unique.map((f) => f.id));
  return {
    namespaces,
    clusterWide,
    findings: unique.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    staleAcceptances: Object.keys(accept)
      .filter((id) => !ids.has(id))
      .sort(),
  };
}
