import { describe, expect, it } from 'vitest';
import { formatImageRef, parseImageRef } from '../../src/inspect/images.js';

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
});
