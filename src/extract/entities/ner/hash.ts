/** Integer hashing used by the features and lexicon tables. */

/** Murmur3-style finaliser over h ^ v: a good 32-bit mix of two integers. */
export function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
