import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STAGE_DIR, STAGE_FILE } from '../conventions/layout.js';
import type { TreeEntry } from '../inspect/objects.js';
import { replaceFile } from './replace-file.js';
import type { RenderedSlice } from './slice.js';

/** One workspace's rendered slice as the assemble step reads it. */
export interface StagedSlice {
  source: string;
  owns: readonly string[];
  /** Tree path → exact file bytes. */
  files: ReadonlyMap<string, string>;
  /** The objects of its manifest files as plain data, when staged with them (saves parsing the YAML). */
  objects?: readonly TreeEntry[];
}

interface StagedJson {
  format: 1;
  source: string;
  owns: string[];
  files: Record<string, string>;
  objects?: TreeEntry[];
}

const TEMP = /\.tmp-/;

/**
 * Writes a workspace's slice to `<workspace>/.ultron/slice.json`: one file, written under a temp name and
 * renamed, so a reader sees the old slice or the new one, never half of it. Temp files a killed build
 * left behind are removed first. The gitops tree is not touched here.
 */
export function stageSlice(workspaceDir: string, slice: RenderedSlice): string {
  const dir = join(workspaceDir, STAGE_DIR);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (TEMP.test(name)) rmSync(join(dir, name), { force: true });
  const body: StagedJson = {
    format: 1,
    source: slice.source,
    owns: [...slice.owns],
    files: Object.fromEntries([...slice.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ...(slice.objects ? { objects: slice.objects } : {}),
  };
  const target = join(workspaceDir, STAGE_FILE);
  replaceFile(target, JSON.stringify(body));
  return target;
}

/** Removes a workspace's staged slice (its definition failed: no stale slice may be assembled). */
export function unstageSlice(workspaceDir: string): void {
  rmSync(join(workspaceDir, STAGE_FILE), { force: true });
}

/** The slice a workspace staged, or undefined when it has none (or only a damaged one). */
export function readStagedSlice(workspaceDir: string): StagedSlice | undefined {
  const file = join(workspaceDir, STAGE_FILE);
  if (!existsSync(file)) return undefined;
  let body: StagedJson;
  try {
    body = JSON.parse(readFileSync(file, 'utf8')) as StagedJson;
  } catch {
    // Cut short (a cache restore killed midway): no slice, so the workspace is rendered afresh.
    return undefined;
  }
  if (body?.format !== 1 || typeof body.files !== 'object' || !Array.isArray(body.owns)) return undefined;
  return {
    source: body.source,
    owns: body.owns,
    files: new Map(Object.entries(body.files)),
    ...(Array.isArray(body.objects) ? { objects: body.objects } : {}),
  };
}
