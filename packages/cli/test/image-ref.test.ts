import { describe, expect, it } from 'vitest';
import { pinned, versionProblem } from '../src/lib/image-ref.ts';

const DIGEST = `sha256:${'0f'.repeat(32)}`;

describe('image references', () => {
  it('accepts only immutable builds', () => {
    expect(versionProblem('sha-1234567')).toBeNull();
    expect(versionProblem(`sha-${'a'.repeat(40)}`)).toBeNull();
    expect(versionProblem(DIGEST)).toBeNull();
    expect(versionProblem(`@${DIGEST}`)).toBeNull();
    expect(versionProblem('latest')).toMatch(/never deployed/);
    expect(versionProblem('sha-123')).toMatch(/not a sha-<git sha> tag/);
    expect(versionProblem('main')).toMatch(/not a sha-<git sha> tag/);
  });

  it('pins a repository: a digest replaces the tag, a tag drops the digest', () => {
    expect(pinned('ghcr.io/acme/app', 'sha-1234567')).toBe('ghcr.io/acme/app:sha-1234567');
    expect(pinned('ghcr.io/acme/app', DIGEST)).toBe(`ghcr.io/acme/app@${DIGEST}`);
    expect(() => pinned('ghcr.io/acme/app', 'latest')).toThrow(/never deployed/);
  });
});
