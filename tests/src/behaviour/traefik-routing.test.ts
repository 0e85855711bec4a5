import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiVersions } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, tree } from './workloads.js';

/**
 * Argo Rollouts v1.9 writes TraefikService weights through `traefik.containo.us` unless its controller
 * is told the group and version (`--traefik-api-group`, `--traefik-api-version`); the Traefik k3s ships
 * serves only `traefik.io`. The flags in the rendered values, every Traefik object of the tree and the
 * catalog's pin must name the same API.
 */
const values = parse(
  readFileSync(join(repoRoot, 'gitops/bootstrap/helm/04-argo-rollouts.values.yaml'), 'utf8'),
) as {
  controller: { extraArgs?: string[] };
};

describe('Traefik weighted canaries are driven through the API Traefik serves', () => {
  const [group] = apiVersions.traefik.split('/');

  it('the Rollouts controller runs with the pinned Traefik API group and version', () => {
    expect(values.controller.extraArgs).toEqual(
      expect.arrayContaining([
        `--traefik-api-group=${group}`,
        `--traefik-api-version=${apiVersions.traefik}`,
      ]),
    );
  });

  it('that group is traefik.io, the only one k3s Traefik v3 serves', () => {
    expect(group).toBe('traefik.io');
  });

  it('every TraefikService and IngressRoute uses that API version, and some exist', () => {
    const traefik = tree.filter((o) => o.manifest.apiVersion.startsWith('traefik.'));
    expect(traefik.some((o) => o.manifest.kind === 'TraefikService')).toBe(true);
    for (const o of traefik) expect(o.manifest.apiVersion, o.file).toBe(apiVersions.traefik);
  });

  it('every weighted Rollout routes through a TraefikService of the tree', () => {
    const rollouts = tree.filter((o) => o.manifest.kind === 'Rollout');
    for (const r of rollouts) {
      const routing = (
        r.manifest as unknown as {
          spec: {
            strategy: { canary: { trafficRouting?: { traefik?: { weightedTraefikServiceName: string } } } };
          };
        }
      ).spec.strategy.canary.trafficRouting;
      if (!routing?.traefik) continue;
      const name = routing.traefik.weightedTraefikServiceName;
      expect(
        tree.some(
          (o) =>
            o.manifest.kind === 'TraefikService' &&
            o.manifest.metadata.name === name &&
            o.manifest.metadata.namespace === r.manifest.metadata.namespace,
        ),
        `${r.file} → TraefikService ${name}`,
      ).toBe(true);
    }
  });
});
