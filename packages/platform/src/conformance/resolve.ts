import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { crdSourceUrls, stripHelmDirectives } from './sources.js';

export type CrdLocation = { dir: string; origin: 'setting' | 'cache' | 'download' } | { skip: string };

/** The one setting that points every conformance check at a folder of CRDs. */
export const CRDS_DIR_ENV = 'ULTRON_CRDS_DIR';

/**
 * This user's cache of things derived from pinned, content-addressed inputs (downloaded CRDs, their
 * compiled validators), shared by every clone on the machine: `$XDG_CACHE_HOME/ultron` or `~/.cache/ultron`.
 */
export function ultronCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ultron');
}

/** Where the CRDs of these URLs are cached (one folder per set of pinned URLs). */
export function crdCacheDir(urls: string[]): string {
  const key = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 16);
  return join(ultronCacheDir(), 'crds', key);
}

/** Staging folders of downloads that failed or were killed (`<key>.partial-<pid>`): never a cache. */
function removePartials(target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const prefix = `${basename(target)}.partial-`;
  for (const name of readdirSync(parent))
    if (name.startsWith(prefix)) rmSync(join(parent, name), { recursive: true, force: true });
}

async function download(urls: string[], target: string, timeoutMs: number): Promise<void> {
  removePartials(target);
  const staging = `${target}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    await fetchAll(urls, staging, signal);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  renameSync(staging, target);
}

async function fetchAll(urls: string[], staging: string, signal: AbortSignal): Promise<void> {
  await Promise.all(
    urls.map(async (url, i) => {
      const response = await fetch(url, { signal });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      writeFileSync(
        join(staging, `${String(i).padStart(2, '0')}.yaml`),
        stripHelmDirectives(await response.text()),
      );
    }),
  );
}

/**
 * Finds the CRDs of the pinned versions: the `ULTRON_CRDS_DIR` setting, else a cache filled by an
 * earlier download, else a download now (when online). Without any, says why so callers can skip.
 */
export async function resolveCrds(
  options: { timeoutMs?: number; urls?: string[] } = {},
): Promise<CrdLocation> {
  const setting = process.env[CRDS_DIR_ENV];
  if (setting) {
    const dir = resolve(setting);
    if (!existsSync(dir)) throw new Error(`${CRDS_DIR_ENV}=${setting} does not exist`);
    return { dir, origin: 'setting' };
  }
  const urls = options.urls ?? crdSourceUrls();
  const cached = crdCacheDir(urls);
  if (existsSync(cached) && readdirSync(cached).length === urls.length)
    return { dir: cached, origin: 'cache' };
  try {
    await download(urls, cached, options.timeoutMs ?? 20_000);
    return { dir: cached, origin: 'download' };
  } catch (error) {
    return {
      skip: `no CRDs: ${CRDS_DIR_ENV} is not set and the pinned CRDs could not be downloaded (${(error as Error).message})`,
    };
  }
}
