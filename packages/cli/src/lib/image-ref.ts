import { formatImageRef } from '@ultron/platform/core';
import { usageError } from './exit.ts';

/** What app CI pushes: `sha-<short or full git sha>`. */
const SHA_TAG = /^sha-[0-9a-f]{7,40}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Checks a tag or digest given on the command line; returns the error message or null. Only immutable
 * builds are deployable: a `sha-<git sha>` tag or a sha256 digest, never `latest` or a moving name.
 */
export function versionProblem(value: string): string | null {
  const v = value.replace(/^@/, '');
  if (v === 'latest') return '"latest" is never deployed: it moves, so Git would no longer say what runs';
  if (SHA_TAG.test(v) || DIGEST.test(v)) return null;
  if (/^sha256:/.test(v)) return `"${v}" is not a sha256 digest (64 lowercase hex digits)`;
  return `"${v}" is not a sha-<git sha> tag (e.g. sha-3f9c2a1) or a sha256:<64 hex> digest`;
}

/** The repository pinned to the given tag or digest (a digest replaces the tag, a tag drops the digest). */
export function pinned(repository: string, version: string): string {
  const v = version.replace(/^@/, '');
  const problem = versionProblem(v);
  if (problem) throw usageError(problem, 'pass what app CI pushed: sha-<short git sha> or sha256:<digest>');
  return formatImageRef(DIGEST.test(v) ? { repository, digest: v } : { repository, tag: v });
}
