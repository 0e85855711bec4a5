/**
 * A 128-bit digest of text, as 32 hex characters, for cache keys and build identities computed at start-up
 * (the type-stripping cache, the render bundle's platform check). It is plain JavaScript because loading
 * `node:crypto` costs a render process more (~8 ms) than hashing the few kilobytes these keys cover.
 *
 * Not for anything adversarial: whoever can write the hashed files can run code in the render anyway.
 * Four 32-bit lanes, each a multiply-xor-rotate over every UTF-16 unit with its own constants, then mixed
 * into each other and avalanched (the rotation carries high bits down, so no bit of the key depends on a
 * few bits of the input only). Each part is followed by a separator, so ('ab', 'c') and ('a', 'bc') differ.
 */
export function contentKey(...parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  const mix = (unit: number) => {
    a = Math.imul(a ^ unit, 0x01000193);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b = (b << 15) | (b >>> 17);
    c = Math.imul(c ^ unit, 0x27d4eb2f);
    c = (c << 11) | (c >>> 21);
    d = Math.imul(d ^ unit, 0x165667b1);
    d = (d << 17) | (d >>> 15);
  };
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) mix(part.charCodeAt(i));
    // Not a UTF-16 unit: the separator cannot be spelled by any text.
    mix(0x10000);
    mix(part.length);
  }
  a = avalanche(a ^ d);
  b = avalanche(b ^ a);
  c = avalanche(c ^ b);
  d = avalanche(d ^ c);
  return [a, b, c, d].map((lane) => (lane >>> 0).toString(16).padStart(8, '0')).join('');
}

/** MurmurHash3's 32-bit finalizer: every input bit flips each output bit with probability ~1/2. */
function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
