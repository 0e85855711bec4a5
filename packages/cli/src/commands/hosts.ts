import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTree } from '@ultron/platform/conformance';
import { byCodePoint, obj, routedHosts, str } from '@ultron/platform/core';
import { parse } from 'yaml';
import { EXIT, type ExitCode } from '../lib/exit.ts';
import { openRepo, requireTree } from '../lib/repo.ts';
import { Ui } from '../lib/ui.ts';

export interface HostsOptions {
  json?: boolean;
}

/**
 * Every public host the tree serves: the hosts of its Ingresses and IngressRoutes (Keycloak, each app) and
 * Argo CD's, which
 * the Helm bootstrap's values set (`global.domain`). Each needs a DNS A record to the node's public IP
 * before Let's Encrypt can issue its certificate (HTTP-01).
 */
export function treeHosts(treeDir: string): { host: string; servedBy: string }[] {
  const out = new Map<string, string>();
  const add = (host: string | undefined, by: string) => {
    if (host && !out.has(host)) out.set(host, by);
  };
  for (const { manifest: m } of loadTree(treeDir)) {
    const by = `${m.kind} ${m.metadata.namespace}/${m.metadata.name}`;
    for (const host of routedHosts(m)) add(host, by);
  }
  const helm = join(treeDir, 'bootstrap', 'helm');
  for (const file of readdirSync(helm).sort()) {
    const values = obj(parse(readFileSync(join(helm, file), 'utf8')));
    const domain = str(obj(values?.global)?.domain);
    const ingress = obj(obj(values?.server)?.ingress);
    if (ingress?.enabled === true) add(domain, `Helm values ${file}`);
  }
  return [...out].map(([host, servedBy]) => ({ host, servedBy })).sort((a, b) => byCodePoint(a.host, b.host));
}

export async function hosts(options: HostsOptions): Promise<ExitCode> {
  const ui = new Ui(options);
  const repo = openRepo();
  const list = treeHosts(requireTree(repo));
  if (ui.json) ui.printJson(list);
  else for (const h of list) ui.out(`${h.host.padEnd(40)} ${ui.paint('dim', h.servedBy)}`);
  return EXIT.ok;
}
