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
    changedPaths(before, snapshot(root)).map((p) => [p, changedLines(texts.get(p) ?? '', read(root, p))]),
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

    const changes = lineChanges(root, before, old);
    expect(changes[SOURCE]).toEqual([`-  image: '${from}',`, `+  image: '${repository}:sha-1234567',`]);
    const rendered = Object.keys(changes).filter((p) => p !== SOURCE);
    // The Rollout always; the migrations Job when the app has one.
    expect(rendered).toContain('gitops/workloads/penvoice/rollout-penvoice.yaml');
    for (const path of rendered) {
      expect(path).toMatch(/^gitops\/workloads\/penvoice\/(rollout|job)-/);
      expect(changes[path]).toHaveLength(2);
      expect(changes[path]![0]).toMatch(
        new RegExp(`^-\\s+image: ${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
      expect(changes[path]![1]).toMatch(
        new RegExp(`^\\+\\s+image: ${repository.replace(/\./g, '\\.')}:sha-1234567$`),
      );
    }
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
