/**
 * SHA-256 of some bytes, in hex (what `sha256sum` writes). node:crypto is loaded on first use: only a
 * build's render records hashes, and a render that records nothing should not pay for loading it.
 */
export function sha256Hex(bytes: Uint8Array): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(bytes).digest('hex');
}
