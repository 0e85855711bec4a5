import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDER = join(import.meta.dirname, '../dist/render');

describe('the render bundle’s encoding', () => {
  it('is all ASCII, and its manifest says so (the render reads it as Latin-1)', () => {
    const manifest = JSON.parse(readFileSync(join(RENDER, 'bundle.json'), 'utf8')) as { encoding?: string };
    expect(manifest.encoding).toBe('ascii');
    const files = readdirSync(RENDER).filter((file) => file.endsWith('.js'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files)
      expect(
        readFileSync(join(RENDER, file)).every((byte) => byte < 0x80),
        file,
      ).toBe(true);
  });
});
