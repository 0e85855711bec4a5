import { join } from 'node:path';
import { findRepoRoot, readTreeFiles } from '@ultron/platform';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const repo = findRepoRoot(import.meta.dirname);
const tree = readTreeFiles(join(repo, 'gitops'));
const paths = [...tree.keys()].sort();

/**
 * The files a directory-type Argo CD source applies: argo-cd v3.4.3
 * reposerver/repository/repository.go matches each file's name against `^.*\.(yaml|yml|json|jsonnet)$`.
 */
const ARGO_CD_MANIFEST_FILE = /^.*\.(yaml|yml|json|jsonnet)$/;

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const folders = [
  ...new Set(
    paths.flatMap((p) =>
      p
        .split('/')
        .slice(0, -1)
        .map((_, i, a) => a.slice(0, i + 1).join('/')),
    ),
  ),
];

describe('the README of every folder of the committed tree', () => {
  it('is there, in the root and in every folder', () => {
    const missing = ['', ...folders].filter((f) => !tree.has(f === '' ? 'README.md' : `${f}/README.md`));
    expect(missing).toEqual([]);
  });

  it('is never applied by the Application that syncs its folder', () => {
    const synced = [...tree]
      .filter(([p]) => p.startsWith('apps/') && p.endsWith('.yaml'))
      .flatMap(
        ([, text]) =>
          parseAllDocuments(text).map((d) => d.toJS()) as {
            kind?: string;
            spec?: { source?: { path?: string }; sources?: { path?: string }[] };
          }[],
      )
      .filter((m) => m?.kind === 'Application')
      .flatMap((m) => [m.spec?.source, ...(m.spec?.sources ?? [])].map((s) => s?.path ?? ''))
      // Only the sources in this repository's tree (a chart or upstream repo has its own paths).
      .filter((p) => p.startsWith('gitops/'))
      .map((p) => p.slice('gitops/'.length));
    expect(synced.length).toBeGreaterThan(0);
    for (const folder of synced) {
      const applied = paths.filter(
        (p) => folderOf(p) === folder && ARGO_CD_MANIFEST_FILE.test(p.split('/').pop()!),
      );
      expect(applied.length, folder).toBeGreaterThan(0);
      expect(
        applied.filter((p) => p.endsWith('README.md')),
        folder,
      ).toEqual([]);
    }
  });

  it('lists exactly the files and subfolders its folder holds', () => {
    for (const folder of ['', ...folders]) {
      const readme = tree.get(folder === '' ? 'README.md' : `${folder}/README.md`)!;
      if (!readme.includes('| file | holds |')) continue;
      const listed = [...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
      const held = [
        ...folders.filter((f) => f !== folder && folderOf(f) === folder).map((f) => `${f.split('/').pop()}/`),
        ...paths
          .filter((p) => folderOf(p) === folder && !p.endsWith('/README.md') && p !== 'README.md')
          .map((p) => p.split('/').pop()),
      ].sort();
      expect([...listed].sort(), folder || '(root)').toEqual(held);
    }
  });
});
