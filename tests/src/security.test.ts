import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  field,
  findRepoRoot,
  NON_PUBLIC_RANGES,
  ofKind,
  routedHosts,
  secretsOnArgv,
  type TreeEntry,
} from '@ultron/platform';
import { loadTree } from '@ultron/platform/conformance';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const treeDir = join(findRepoRoot(import.meta.dirname), 'gitops');
const cluster = (
  (await import(join(findRepoRoot(import.meta.dirname), 'cluster', 'cluster.ts'))) as {
    default: { audit: { accept: Record<string, string> } };
  }
).default;
const entries = loadTree(treeDir);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every shell script the tree renders: ConfigMap scripts, runbook code blocks, bootstrap plan commands. */
function renderedScripts(): { where: string; script: string }[] {
  const scripts: { where: string; script: string }[] = [];
  for (const { file, manifest } of ofKind(entries, 'ConfigMap')) {
    for (const [key, value] of Object.entries((manifest.data as Record<string, string>) ?? {})) {
      if (key.endsWith('.sh') || value.startsWith('#!'))
        scripts.push({ where: `${file}: ${key}`, script: value });
    }
  }
  for (const path of files(treeDir).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(path, 'utf8');
    for (const [i, block] of [...text.matchAll(/```sh\n([\s\S]*?)```/g)].entries()) {
      scripts.push({ where: `${relative(treeDir, path)} block ${i + 1}`, script: block[1]! });
    }
  }
  const plan = parse(readFileSync(join(treeDir, 'bootstrap/plan.yaml'), 'utf8')) as {
    steps: { id: string; command: string; args: string[] }[];
  };
  for (const step of plan.steps) {
    scripts.push({ where: `bootstrap/plan.yaml ${step.id}`, script: [step.command, ...step.args].join(' ') });
  }
  return scripts;
}

describe('no rendered script passes a secret as a command argument', () => {
  const scripts = renderedScripts();

  it('finds the scripts: the realm sync, the runbook and the bootstrap plan', () => {
    const where = scripts.map((s) => s.where);
    expect(where.some((w) => w.includes('realm-sync') && w.endsWith('sync-realm.sh'))).toBe(true);
    expect(where.some((w) => w.startsWith('bootstrap/README.md'))).toBe(true);
    expect(where.some((w) => w.startsWith('bootstrap/plan.yaml'))).toBe(true);
  });

  it.each(scripts.map((s) => [s.where, s.script] as const))('%s', (_, script) => {
    expect(secretsOnArgv(script)).toEqual([]);
  });
});

describe('every namespace the tree creates is locked down', () => {
  const namespaces = ofKind(entries, 'Namespace');
  const policies = ofKind(entries, 'NetworkPolicy');

  it('renders every namespace it deploys into, except the ones k3s itself owns', () => {
    const used = new Set(
      entries.map((e) => e.manifest.metadata.namespace).filter((n): n is string => Boolean(n)),
    );
    used.delete('kube-system');
    const rendered = new Set(namespaces.map((n) => n.manifest.metadata.name));
    expect([...used].filter((n) => !rendered.has(n))).toEqual([]);
    for (const platform of ['argocd', 'cert-manager', 'monitoring', 'cnpg-system', 'keycloak'])
      expect(rendered.has(platform), platform).toBe(true);
  });

  it.each(namespaces.map((n) => [n.manifest.metadata.name!, n] as const))('%s', (name, ns) => {
    const labels = ns.manifest.metadata.labels ?? {};
    const level = labels['pod-security.kubernetes.io/enforce'];
    expect(['restricted', 'baseline', 'privileged']).toContain(level);
    expect(labels['pod-security.kubernetes.io/warn']).toBe('restricted');
    if (level !== 'restricted') {
      expect(ns.manifest.metadata.annotations?.['ultron.io/pod-security-reason'], 'reason').toMatch(
        /\S.{9,}/,
      );
    }
    const own = policies.filter((p) => p.manifest.metadata.namespace === name);
    const deny = own.find((p) => p.manifest.metadata.name === 'default-deny');
    expect(field(deny?.manifest, 'spec')).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    for (const p of own)
      expect(p.manifest.metadata.annotations?.['ultron.io/reason'], p.file).toMatch(/\S.{9,}/);
  });
});

describe('egress says exactly where', () => {
  const blocks = (e: TreeEntry) =>
    (
      (field(e.manifest, 'spec', 'egress') as {
        to?: { ipBlock?: { cidr: string; except?: string[] } }[];
      }[]) ?? []
    )
      .flatMap((rule) => rule.to ?? [])
      .flatMap((peer) => (peer.ipBlock ? [peer.ipBlock] : []));

  const toInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const contains = (cidr: string, ip: string) => {
    const [base, bits] = cidr.split('/');
    const size = 2 ** (32 - Number(bits));
    return Math.floor(toInt(ip) / size) === Math.floor(toInt(base!) / size);
  };
  const reaches = (b: { cidr: string; except?: string[] }, ip: string) =>
    contains(b.cidr, ip) && !(b.except ?? []).some((x) => contains(x, ip));

  it('never allows 100.64.0.0/10 (Tailscale/CGNAT) or link-local (cloud metadata), except the API address', () => {
    const all = ofKind(entries, 'NetworkPolicy').flatMap((e) =>
      blocks(e).map((b) => ({
        file: e.file,
        id: `egress/${e.manifest.metadata.namespace}/${e.manifest.metadata.name}`,
        ...b,
      })),
    );
    expect(all.some((b) => b.cidr === '0.0.0.0/0')).toBe(true);
    // An exception exists only as one exact /32 that the cluster definition accepts by id, with a reason
    // (`ultron audit` reports it): External Secrets' instance principal and the metadata service.
    const accepted = (b: (typeof all)[number]) => b.cidr.endsWith('/32') && b.id in cluster.audit.accept;
    for (const b of all.filter((x) => !accepted(x))) {
      for (const ip of ['100.64.0.1', '100.127.255.254', '169.254.169.254', '127.0.0.1'])
        expect(reaches(b, ip), `${b.file} ${b.cidr} reaches ${ip}`).toBe(false);
      // The one Tailscale address allowed: the server node's, where the Kubernetes API listens.
      if (reaches(b, '100.101.102.103')) expect(b.cidr, b.file).toBe('100.101.102.103/32');
    }
    for (const b of all.filter((x) => x.cidr === '0.0.0.0/0')) {
      expect(b.except, b.file).toEqual(expect.arrayContaining([...NON_PUBLIC_RANGES]));
    }
  });

  it('reaches the Kubernetes API at one address, never 0.0.0.0/0', () => {
    for (const e of ofKind(entries, 'NetworkPolicy')) {
      for (const b of blocks(e)) {
        if (b.cidr === '0.0.0.0/0') expect(b.except?.length, e.file).toBeGreaterThan(0);
      }
      const rules =
        (field(e.manifest, 'spec', 'egress') as { to?: unknown[]; ports?: { port: unknown }[] }[]) ?? [];
      for (const rule of rules.filter((r) => r.ports?.some((p) => p.port === 6443))) {
        expect(rule.to, e.file).toEqual([{ ipBlock: { cidr: '100.101.102.103/32' } }]);
      }
    }
  });
});

describe('public hosts', () => {
  it('are the app APIs, auth.<domain> (realm paths only) and argocd.<domain>', () => {
    const hosts = ofKind(entries, 'Ingress', 'IngressRoute')
      .flatMap((e) => routedHosts(e.manifest))
      .sort();
    // argocd.<domain> comes from the Argo CD chart's Ingress (bootstrap values), not from a rendered object.
    expect(hosts).toEqual(['api.penvoice.app', 'auth.ultron.example.com', 'status.ultron.example.com']);
    const keycloak = ofKind(entries, 'IngressRoute').find(
      (e) => e.manifest.metadata.namespace === 'keycloak',
    )!;
    expect((field(keycloak.manifest, 'spec', 'routes') as { match: string }[])[0]!.match).toContain(
      '!PathPrefix(`/realms/master/`)',
    );
    const argocd = parse(readFileSync(join(treeDir, 'bootstrap/helm/03-argocd.values.yaml'), 'utf8'));
    expect(argocd.server.ingress.enabled).toBe(true);
    expect(argocd.global.domain).toBe('argocd.ultron.example.com');
  });
});

describe('Argo CD', () => {
  const values = parse(readFileSync(join(treeDir, 'bootstrap/helm/03-argocd.values.yaml'), 'utf8'));

  it('signs in through Keycloak with RBAC and no local admin', () => {
    expect(values.configs.cm['admin.enabled']).toBe(false);
    expect(parse(values.configs.cm['oidc.config'])).toMatchObject({
      issuer: 'https://auth.ultron.example.com/realms/platform',
      clientID: 'argocd',
      enablePKCEAuthentication: true,
    });
    expect(values.configs.rbac).toMatchObject({ 'policy.default': 'role:readonly', scopes: '[groups]' });
    expect(values.configs.rbac['policy.csv']).toContain('g, argocd-admins, role:admin');
    expect(values.dex.enabled).toBe(false);
  });

  it('holds every Application in a project other than default, the root app included', () => {
    const apps = ofKind(entries, 'Application');
    expect(apps.map((a) => a.manifest.metadata.name)).toContain('root');
    for (const a of apps) expect(field(a.manifest, 'spec', 'project'), a.file).not.toBe('default');
  });
});
