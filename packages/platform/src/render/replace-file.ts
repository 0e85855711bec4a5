import { renameSync, writeFileSync } from 'node:fs';

let written = 0;

/**
 * Writes `target` under a temp name beside it and renames it over the old one, so that a reader sees the
 * old file or the new one, never half of it. The temp name (`<target>.tmp-<pid>-<time>-<count>`) is unique
 * among live processes and within this one, so concurrent writers never share one.
 */
export function replaceFile(target: string, data: string): void {
  written++;
  const temp = `${target}.tmp-${process.pid}-${Date.now().toString(36)}-${written}`;
  writeFileSync(temp, data, 'utf8');
  renameSync(temp, target);
}
