import { containersOf, podTemplates } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { itWith, runEngine } from '../engines/tools.js';
import { tree } from './workloads.js';

/**
 * Every shell script the tree carries — ConfigMap keys a pod runs, and inline `sh -c` bodies —
 * passes shellcheck for the shell that runs it. A script is found from the pod that runs it: an
 * interpreter (`sh`/`bash`) with a file under a ConfigMap mount, or with `-c`.
 */
interface Script {
  where: string;
  shell: 'sh' | 'bash';
  text: string;
}

type Container = {
  name: string;
  command?: string[];
  args?: string[];
  volumeMounts?: { name: string; mountPath: string }[];
};
type PodSpec = { volumes?: { name: string; configMap?: { name: string } }[] };

const SHELLS: Record<string, 'sh' | 'bash'> = {
  sh: 'sh',
  bash: 'bash',
  '/bin/sh': 'sh',
  '/bin/bash': 'bash',
  '/usr/bin/bash': 'bash',
};

function scripts(): { found: Script[]; unresolved: string[] } {
  const configMaps = new Map(
    tree
      .filter((o) => o.manifest.kind === 'ConfigMap')
      .map((o) => [`${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`, o] as const),
  );
  const found: Script[] = [];
  const unresolved: string[] = [];
  for (const { file, manifest } of tree) {
    for (const template of podTemplates(manifest)) {
      const spec = template.spec as PodSpec;
      for (const { container } of containersOf(template.spec)) {
        const c = container as Container;
        const argv = [...(c.command ?? []), ...(c.args ?? [])];
        const shell = SHELLS[argv[0] ?? ''];
        if (!shell || argv.length < 2) continue;
        const where = `${file}: container ${c.name}`;
        if (argv[1] === '-c') {
          found.push({ where: `${where} (inline)`, shell, text: argv[2] ?? '' });
          continue;
        }
        const path = argv[1]!;
        const mount = (c.volumeMounts ?? []).find((v) =>
          path.startsWith(`${v.mountPath.replace(/\/$/, '')}/`),
        );
        const volume = spec.volumes?.find((v) => v.name === mount?.name);
        const cm =
          volume?.configMap && configMaps.get(`${manifest.metadata.namespace}/${volume.configMap.name}`);
        const key = mount ? path.slice(mount.mountPath.replace(/\/$/, '').length + 1) : '';
        const text = cm
          ? (cm.manifest as unknown as { data?: Record<string, string> }).data?.[key]
          : undefined;
        if (text === undefined)
          unresolved.push(`${where} runs ${path}, which no mounted ConfigMap of the tree holds`);
        else found.push({ where: `${cm!.file}: ${key} (run by ${c.name})`, shell, text });
      }
    }
  }
  return { found, unresolved };
}

const { found, unresolved } = scripts();

describe('shell scripts in the tree', () => {
  it('every script a pod runs from a file is in a ConfigMap the pod mounts', () => {
    expect(unresolved).toEqual([]);
  });

  it('finds the scripts the tree runs', () => {
    expect(found.length).toBeGreaterThan(0);
  });

  describe.each(found.map((s) => [s.where, s] as const))('%s', (_, s) => {
    itWith('shellcheck')(`passes shellcheck -s ${s.shell}`, () => {
      const run = runEngine('shellcheck', () => ['-s', s.shell, '-S', 'style', 'script.sh'], {
        'script.sh': s.text,
      });
      expect(run.output).toBe('');
      expect(run.status).toBe(0);
    });
  });
});
