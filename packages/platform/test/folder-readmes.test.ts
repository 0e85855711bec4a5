import { describe, expect, it } from 'vitest';
import type { TreeEntry } from '../src/inspect/objects.js';
import { FOLDER_README_SOURCE, folderReadmes } from '../src/render/folder-readmes.js';
import { sourceOf } from '../src/render/header.js';
import type { PlainManifest } from '../src/render/manifest.js';

const object = (kind: string, name: string, namespace?: string, spec?: object): PlainManifest =>
  ({
    apiVersion: 'v1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    ...(spec ? { spec } : {}),
  }) as PlainManifest;

const application = (name: string, spec: object) => object('Application', name, 'argocd', spec);

/** A small tree: an app whose database part has an Application of its own (multi-source), a bootstrap file. */
function tree() {
  const entries: TreeEntry[] = [
    {
      file: 'apps/shop.yaml',
      manifest: application('shop', {
        source: { path: 'gitops/workloads/shop' },
        destination: { namespace: 'shop' },
      }),
    },
    {
      file: 'apps/shop.yaml',
      manifest: application('shop-db', { sources: [{ path: 'gitops/workloads/shop/database' }] }),
    },
    { file: 'workloads/shop/service-shop.yaml', manifest: object('Service', 'shop', 'shop') },
    { file: 'workloads/shop/database/cluster-shop-pg.yaml', manifest: object('Cluster', 'shop-pg', 'shop') },
  ];
  const files = new Map<string, string>([
    ['apps/shop.yaml', ''],
    ['bootstrap/helm/01-cert-manager.values.yaml', ''],
    ['workloads/shop/README.md', 'the app’s own README'],
    ['workloads/shop/database/cluster-shop-pg.yaml', ''],
    ['workloads/shop/service-shop.yaml', ''],
  ]);
  const sources = new Map(
    [...files.keys()].map((p) => [p, p.startsWith('bootstrap') ? 'bootstrap' : 'workloads/shop']),
  );
  return { files, sources, entries };
}

/** Another app beside `shop`: its own Application file and folder. */
function withCart() {
  const { files, sources, entries } = tree();
  for (const path of ['apps/cart.yaml', 'workloads/cart/service-cart.yaml']) {
    files.set(path, '');
    sources.set(path, 'workloads/cart');
  }
  entries.push({ file: 'workloads/cart/service-cart.yaml', manifest: object('Service', 'cart', 'cart') });
  return { files, sources, entries };
}

describe('folderReadmes', () => {
  const { files, sources, entries } = tree();
  const readmes = folderReadmes(files, sources, entries);
  const text = (path: string) => readmes.get(path)?.content ?? '';

  it('adds a README to every folder, the root included, and keeps a README a slice renders', () => {
    expect([...readmes.keys()]).toEqual([
      'README.md',
      'apps/README.md',
      'bootstrap/README.md',
      'bootstrap/helm/README.md',
      'workloads/README.md',
      'workloads/shop/database/README.md',
    ]);
    expect(readmes.has('workloads/shop/README.md')).toBe(false);
  });

  it('names the one workspace that renders the folder as its source, else the assemble step', () => {
    expect(readmes.get('workloads/shop/database/README.md')?.source).toBe('workloads/shop');
    expect(readmes.get('bootstrap/helm/README.md')?.source).toBe('bootstrap');
    expect(readmes.get('README.md')?.source).toBe(FOLDER_README_SOURCE);
    // The header says the same, so the writer and `ultron check` treat it as that workspace's file.
    for (const { source, content } of readmes.values())
      expect(sourceOf(content.split('\n')[0]!)).toBe(source);
  });

  it('names the Application that syncs the folder, from `source` and from `sources`', () => {
    expect(text('workloads/shop/database/README.md')).toContain(
      'Application `shop-db` (in `apps/shop.yaml`) syncs its YAML',
    );
    expect(text('workloads/shop/database/README.md')).toContain('The `database/` part of app `shop`');
    expect(text('bootstrap/helm/README.md')).toContain(
      'No Application syncs this folder: it is used by hand',
    );
    expect(text('workloads/README.md')).toContain('No Application syncs this folder itself');
  });

  it('does not take a bootstrap folder without a purpose of its own for an app’s', () => {
    const extra = new Map([...files, ['bootstrap/tools/run.sh', '']]);
    const more = new Map([...sources, ['bootstrap/tools/run.sh', 'bootstrap']]);
    const tools = folderReadmes(extra, more, entries).get('bootstrap/tools/README.md')?.content;
    expect(tools).toContain('Files of the bootstrap;');
    expect(tools).not.toContain('app `');
  });

  it('lists every file of a one-workspace folder with the objects it holds, and its subfolders', () => {
    expect(text('workloads/shop/database/README.md')).toContain(
      '| `cluster-shop-pg.yaml` | Cluster shop/shop-pg |',
    );
    expect(text('workloads/shop/database/README.md')).toContain('Rendered by `workloads/shop`.');
    expect(text('bootstrap/helm/README.md')).toContain(
      '| `01-cert-manager.values.yaml` | (not a Kubernetes object) |',
    );
  });

  it('lists nothing in a folder several workspaces share, so adding an app changes no README but its own', () => {
    expect(text('README.md')).not.toContain('| file |');
    const more = withCart();
    const after = folderReadmes(more.files, more.sources, more.entries);
    const changed = [...readmes.keys()].filter((p) => after.get(p)?.content !== readmes.get(p)?.content);
    expect(after.has('workloads/cart/README.md')).toBe(true);
    expect(changed).toEqual([]);
    // The top folders are shared even while one workspace alone has files there.
    for (const p of ['apps/README.md', 'workloads/README.md'])
      expect(readmes.get(p)?.content).not.toContain('| file |');
  });

  it('is the same for the same tree, whatever order the files come in', () => {
    const reversed = new Map([...files].reverse());
    expect([...folderReadmes(reversed, sources, entries)]).toEqual([...readmes]);
  });
});
