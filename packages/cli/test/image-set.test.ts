import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedLines, changedPaths, copyRepo, read, snapshot, ultron, write } from './helpers.ts';

const SOURCE = 'workloads/penvoice/workload.ts';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** Every changed line of every changed file between two snapshots of a repo copy. */
function lineChanges(
  root: string,
  before: Map<string, string>,
  texts: Map<string, string>,
): Record<string, string[]> {
  return Object.fromEntries(
    // Files that still exist; a removed one (the previous image's migrations Job) has no lines to compare.
    [...changedPaths(before, snapshot(root))]
      .filter((p) => existsSync(join(root, p)))
      .map((p) => [p, changedLines(texts.get(p) ?? '', read(root, p))]),
  );
}

function texts(root: string, paths: Iterable<string>): Map<string, string> {
  return new Map([...paths].map((p) => [p, read(root, p)]));
}

describe('ultron image set', () => {
  it('changes exactly the one source line and the matching rendered lines', async () => {
    const root = copyRepo();
    const before = snapshot(root);
    const old = texts(root, before.keys());
    const from = /image: '([^']+)'/.exec(old.get(SOURCE)!)![1]!;
    const repository = from.replace(/[:@].*$/, '');

    const result = await ultron(root, ['image', 'set', 'penvoice', 'sha-1234567']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`penvoice: ${from} → ${repository}:sha-1234567`);

    const after = snapshot(root);
    const paths = changedPaths(before, after);
    const tag = (image: string) => image.slice(image.lastIndexOf(':') + 1);
    const job = (t: string) => `gitops/workloads/penvoice/job-penvoice-migrate-${t}.yaml`;
    // The source line, the Rollout, and the migrations Job, which is named after its image (it runs
    // once per image): the old one goes, the new one comes.
    expect(paths.sort()).toEqual(
      [SOURCE, 'gitops/workloads/penvoice/rollout-penvoice.yaml', job(tag(from)), job('sha-1234567')].sort(),
    );
    expect(after.has(job(tag(from)))).toBe(false);
    const changes = lineChanges(root, before, old);
    expect(changes[SOURCE]).toEqual([`-  image: '${from}',`, `+  image: '${repository}:sha-1234567',`]);
    const image = (sign: string, ref: string) =>
      new RegExp(`^\\${sign}\\s+image: ${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const rollout = changes['gitops/workloads/penvoice/rollout-penvoice.yaml']!;
    expect(rollout).toHaveLength(2);
    expect(rollout[0]).toMatch(image('-', from));
    expect(rollout[1]).toMatch(image('+', `${repository}:sha-1234567`));
    // The new Job is the old one with its name and image changed, nothing else.
    const jobLines = changedLines(old.get(job(tag(from)))!, read(root, job('sha-1234567')));
    expect(jobLines).toEqual([
      `-  name: penvoice-migrate-${tag(from)}`,
      '+  name: penvoice-migrate-sha-1234567',
      expect.stringMatching(image('-', from)),
      expect.stringMatching(image('+', `${repository}:sha-1234567`)),
    ]);
    // And the tree is exactly a fresh render again.
    expect((await ultron(root, ['check'])).code).toBe(0);
  });

  it('pins a digest instead of a tag', async () => {
    const root = copyRepo();
    const result = await ultron(root, ['image', 'set', 'penvoice', DIGEST, '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.to).toMatch(new RegExp(`^ghcr\\.io/[a-z0-9-]+/penvoice@${DIGEST}$`));
    expect(out.changed).toBe(true);
    expect(out.line).toBeGreaterThan(0);
    expect(out.rendered.written).toContain('workloads/penvoice/rollout-penvoice.yaml');
    expect(read(root, SOURCE)).toContain(`image: '${out.to}',`);
    expect(read(root, 'gitops/workloads/penvoice/rollout-penvoice.yaml')).toContain(`image: ${out.to}\n`);
  });

  it('changes nothing when the app already runs that build', async () => {
    const root = copyRepo();
    const tag = /image: '[^']+:(sha-[0-9a-f]+)'/.exec(read(root, SOURCE))![1]!;
    const before = snapshot(root);
    const result = await ultron(root, ['image', 'set', 'penvoice', tag]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to change');
    expect(changedPaths(before, snapshot(root))).toEqual([]);
  });

  it.each([
    ['latest', /"latest" is never deployed/],
    ['v1.2.3', /is not a sha-<git sha> tag/],
    ['sha-XYZ', /is not a sha-<git sha> tag/],
    ['sha256:abc', /is not a sha256 digest/],
  ])('refuses %s with exit 2 and changes nothing', async (version, message) => {
    const root = copyRepo();
    const before = snapshot(root);
    const result = await ultron(root, ['image', 'set', 'penvoice', version]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(changedPaths(before, snapshot(root))).toEqual([]);
  });

  it('names the apps that exist when the app does not', async () => {
    const root = copyRepo();
    const result = await ultron(root, ['image', 'set', 'nope', 'sha-1234567']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no app "nope"');
    expect(result.stderr).toMatch(/apps: .*penvoice/);
  });

  it('restores the source when the app no longer renders', async () => {
    const root = copyRepo();
    // A definition the kit rejects for another reason: the bump must not leave it half-applied.
    // (A later key wins in an object literal, so this overrides any port set above it.)
    const broken = read(root, SOURCE).replace(/\n\}\);\n$/, '\n  port: 80,\n});\n');
    expect(broken).toContain('port: 80,');
    write(root, SOURCE, broken);
    const before = snapshot(root);
    const result = await ultron(root, ['image', 'set', 'penvoice', 'sha-1234567']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/does not render with .*; workloads\/penvoice\/workload.ts was restored/);
    expect(result.stdout).toContain('workload.port: must be 1024 or higher');
    expect(changedPaths(before, snapshot(root))).toEqual([]);
  });

  it('refuses a definition whose image is not on one line', async () => {
    const root = copyRepo();
    write(root, SOURCE, read(root, SOURCE).replace(/image: ('[^']+'),/, 'image:\n    $1,'));
    const result = await ultron(root, ['image', 'set', 'penvoice', 'sha-1234567']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("has 0 `image: '…'` lines");
  });
});
