import { describe, expect, it } from 'vitest';
import { formatImageRef, parseImageRef, pinned, versionProblem } from '../src/lib/image-ref.ts';

const DIGEST = `sha256:${'0f'.repeat(32)}`;

describe('image references', () => {
  it.each([
    ['ghcr.io/acme/app:sha-1234567', { repository: 'ghcr.io/acme/app', tag: 'sha-1234567' }],
    [`ghcr.io/acme/app@${DIGEST}`, { repository: 'ghcr.io/acme/app', digest: DIGEST }],
    ['localhost:5000/app', { repository: 'localhost:5000/app' }],
    [`localhost:5000/app:v1@${DIGEST}`, { repository: 'localhost:5000/app', tag: 'v1', digest: DIGEST }],
  ])('parses %s and formats it back', (ref, parsed) => {
    expect(parseImageRef(ref)).toEqual(parsed);
    expect(formatImageRef(parsed)).toBe(ref);
  });

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
