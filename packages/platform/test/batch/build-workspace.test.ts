import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, FileHashes, ImportGraph, stagedIsCurrent } from '../../src/batch/index.js';
import type { RunOptions } from '../../src/render/run.js';
import { tempDir } from '../helpers.js';

/** What turbo and pnpm set for a workspace's `build` task. */
const TURBO_BUILD = { TURBO_HASH: 'abc', npm_lifecycle_event: 'build' };

/**
 * A repo of rendering workspaces (`"build": "ultron-render slice.ts"`) and a renderer that stages each
 * slice's text as its slice, recording which workspaces it rendered. The import graph is filled the way
 * the resolve hook would: renderer → each definition it imported → the shared cluster module.
 */
function repo(workspaces: Record<string, string[]>) {
  const root = tempDir('ultron-batch-');
  writeFileSync(join(root, 'pnpm-workspace.yaml'), "packages:\n  - 'w/*'\n  - cluster\n");
  mkdirSync(join(root, 'cluster'));
  writeFileSync(join(root, 'cluster/package.json'), '{"name":"cluster"}\n');
  writeFileSync(join(root, 'cluster/cluster.ts'), 'export default 1;\n');
  for (const [name, deps] of Object.entries(workspaces)) {
    const dir = join(root, 'w', name);
    mkdirSync(dir, { recursive: true });
    const dependencies = Object.fromEntries(deps.map((d) => [d, 'workspace:*']));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, scripts: { build: 'ultron-render slice.ts' }, dependencies }),
    );
    writeFileSync(join(dir, 'slice.ts'), `export default '${name}';\n`);
  }
  const rendered: string[] = [];
  const graph = new ImportGraph();
  const rendererUrl = pathToFileURL(join(root, 'renderer.js')).href;
  writeFileSync(join(root, 'renderer.js'), '// the renderer\n');
  const renderer = {
    url: rendererUrl,
    async runSlice(o: RunOptions) {
      const cwd = o.cwd!;
      const entry = pathToFileURL(join(cwd, o.entry)).href;
      graph.add(rendererUrl, entry);
      graph.add(entry, pathToFileURL(join(root, 'cluster/cluster.ts')).href);
      const text = readFileSync(join(cwd, o.entry), 'utf8');
      // A save of the definition while it renders (after it was read).
      if (text.includes('edited mid-render')) writeFileSync(join(cwd, o.entry), "export default 'saved';\n");
      if (text.includes('broken')) {
        o.error?.('broken definition');
        return 1;
      }
      rendered.push(cwd.slice(root.length + 1));
      mkdirSync(join(cwd, '.ultron'), { recursive: true });
      writeFileSync(join(cwd, '.ultron/slice.json'), JSON.stringify({ text }));
      return 0;
    },
  };
  const logs: string[] = [];
  const build = (name: string, env: NodeJS.ProcessEnv = TURBO_BUILD) =>
    buildWorkspace({
      cwd: join(root, 'w', name),
      entry: 'slice.ts',
      graph,
      loadRenderer: async () => renderer,
      env,
      log: (l) => logs.push(l),
      error: (l) => logs.push(l),
    });
  const current = (name: string) => stagedIsCurrent(join(root, 'w', name), new FileHashes());
  return { root, rendered, build, current, logs };
}

describe('buildWorkspace', () => {
  it('under turbo, the first build renders every workspace not current, then the others find theirs current', async () => {
    const r = repo({ a: ['cluster'], b: ['cluster'], c: [] });
    expect(await r.build('a')).toBe(0);
    expect(r.rendered).toEqual(['w/a', 'w/b', 'w/c']);
    expect(['a', 'b', 'c'].map(r.current)).toEqual([true, true, true]);
    expect(await r.build('b')).toBe(0);
    expect(r.rendered).toHaveLength(3);
    expect(r.logs.at(-1)).toBe('w/b: staged slice is current (its inputs are unchanged since it was staged)');
  });

  it('renders again exactly the workspaces whose inputs changed (its own, or a shared module)', async () => {
    const r = repo({ a: ['cluster'], b: ['cluster'] });
    await r.build('a');
    writeFileSync(join(r.root, 'w/b/slice.ts'), "export default 'b2';\n");
    expect(r.current('a')).toBe(true);
    expect(r.current('b')).toBe(false);
    await r.build('a');
    expect(r.rendered).toEqual(['w/a', 'w/b', 'w/b']);
    writeFileSync(join(r.root, 'cluster/cluster.ts'), 'export default 2;\n');
    await r.build('b');
    expect(r.rendered.slice(3).sort()).toEqual(['w/a', 'w/b']);
  });

  it('leaves to their own tasks workspaces whose inputs look unchanged by their times (a cheap look before hashing)', async () => {
    const r = repo({ a: [], b: [] });
    await r.build('a');
    // b edited, but with a time older than its record: the batch takes it for current…
    const past = new Date(Date.now() - 60_000);
    writeFileSync(join(r.root, 'w/b/slice.ts'), "export default 'b2';\n");
    utimesSync(join(r.root, 'w/b/slice.ts'), past, past);
    await r.build('a');
    expect(r.rendered).toEqual(['w/a', 'w/b']);
    // …and b's own task, checking hashes, renders it.
    expect(r.current('b')).toBe(false);
    await r.build('b');
    expect(r.rendered).toEqual(['w/a', 'w/b', 'w/b']);
  });

  it('with the lock taken by the shell front for it, batches without waiting and releases the lock', async () => {
    const r = repo({ a: [], b: [] });
    const lock = join(r.root, 'node_modules/.cache/ultron/render-batch.lock');
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'pid'), String(process.pid));
    expect(await r.build('a', { ...TURBO_BUILD, ULTRON_RENDER_BATCH_LOCK: 'held' })).toBe(0);
    expect(r.rendered).toEqual(['w/a', 'w/b']);
    expect(existsSync(lock)).toBe(false);
  });

  it('records what the render read: a definition saved mid-render is not current afterwards', async () => {
    const r = repo({ a: [] });
    writeFileSync(join(r.root, 'w/a/slice.ts'), "export default 'edited mid-render';\n");
    expect(await r.build('a')).toBe(0);
    expect(readFileSync(join(r.root, 'w/a/slice.ts'), 'utf8')).toContain('saved');
    expect(r.current('a')).toBe(false);
  });

  it('leaves out a workspace with a workspace dependency this one lacks (turbo may not have built it yet)', async () => {
    const r = repo({ a: ['cluster'], b: ['cluster', 'generated-lib'] });
    await r.build('a');
    expect(r.rendered).toEqual(['w/a']);
  });

  it('outside a turbo build, or with ULTRON_RENDER_BATCH=0, renders its own workspace only, every time', async () => {
    const r = repo({ a: [], b: [] });
    await r.build('a', {});
    await r.build('a', { ...TURBO_BUILD, ULTRON_RENDER_BATCH: '0' });
    // Another script under turbo (a test task starting a render) is not a build either.
    await r.build('a', { TURBO_HASH: 'abc', npm_lifecycle_event: 'test' });
    expect(r.rendered).toEqual(['w/a', 'w/a', 'w/a']);
  });

  it('records its inputs only as a `build` script: a render by hand or by a test stages the slice alone', async () => {
    const r = repo({ a: [] });
    await r.build('a', {});
    expect(existsSync(join(r.root, 'w/a/.ultron/slice.json'))).toBe(true);
    expect(r.current('a')).toBe(false);
    await r.build('a', { npm_lifecycle_event: 'build' });
    expect(r.current('a')).toBe(true);
    // A render by hand replaces the slice and drops the record, which no longer describes it.
    await r.build('a', {});
    expect(r.current('a')).toBe(false);
  });

  it('a broken other workspace is left unstaged and silent: its own task reports it', async () => {
    const r = repo({ a: [], b: [] });
    writeFileSync(join(r.root, 'w/b/slice.ts'), 'broken\n');
    expect(await r.build('a')).toBe(0);
    expect(r.current('b')).toBe(false);
    expect(r.logs.join('\n')).not.toContain('broken');
    expect(await r.build('b')).toBe(1);
    expect(r.logs.at(-1)).toBe('broken definition');
  });
});
