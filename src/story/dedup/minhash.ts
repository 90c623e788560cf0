/**
 * Near-duplicate detection for a growing corpus: MinHash signatures of word shingles, looked up through
 * locality-sensitive hashing bands. Wire copies that outlets run with a new headline, a trimmed last paragraph or a
 * house-style edit share most of their five-word shingles; independent reports of the same event share few.
 * Signatures are fixed-size (so a store keeps one per article) and the bands are plain strings (so any database
 * index finds candidates without scanning the corpus).
 */
import { createHash } from 'node:crypto';

export interface MinHashOptions {
  /** Words per shingle. Three: an edited word breaks only three shingles, and at the threshold, reports that share
   * stock phrases ("said in a statement") stay far apart (eval:clustering, copies table). */
  shingleWords?: number;
  /** Hash functions in a signature; bands × rows must equal it. */
  hashes?: number;
  /** LSH bands: more bands find lower similarities (threshold ≈ (1/bands)^(1/rows)). */
  bands?: number;
  /** Estimated Jaccard similarity at or above which two texts are near-duplicates. */
  threshold?: number;
}

export const DEFAULT_MINHASH_OPTIONS: Required<MinHashOptions> = { shingleWords: 3, hashes: 128, bands: 32, threshold: 0.7 };

/** Words of the text, case and punctuation folded, so that quote styles and capitalisation do not count as edits. */
export function shingleWords(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The exact-duplicate key: the text's words alone, hashed (whitespace, punctuation and case ignored). */
export function textKey(text: string): string {
  return textKeyOfWords(shingleWords(text));
}

/** `textKey` from the text's `shingleWords` (a caller that needs both the key and the signature reads the words once). */
export function textKeyOfWords(words: readonly string[]): string {
  return createHash('sha256').update(words.join(' ')).digest('hex').slice(0, 32);
}

/** FNV-1a of `words[from .. from + k)` joined by single spaces, without building the string (one per word of every article). */
function shingleHash(words: readonly string[], from: number, k: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < from + k; w++) {
    if (w > from) h = Math.imul(h ^ 0x20, 0x01000193);
    const s = words[w]!;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** Odd multipliers and offsets for the hash family, from a fixed seed so signatures are comparable across runs. */
function hashFamily(n: number): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(n), b = new Uint32Array(n);
  let x = 0x9e3779b9;
  const next = (): number => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  for (let i = 0; i < n; i++) { a[i] = next() | 1; b[i] = next(); }
  return { a, b };
}

export class MinHasher {
  readonly options: Required<MinHashOptions>;
  private readonly family: { a: Uint32Array; b: Uint32Array };
  private readonly rows: number;

  constructor(options: MinHashOptions = {}) {
    this.options = { ...DEFAULT_MINHASH_OPTIONS, ...options };
    if (this.options.hashes % this.options.bands !== 0) throw new RangeError('hashes must be a multiple of bands');
    this.rows = this.options.hashes / this.options.bands;
    this.family = hashFamily(this.options.hashes);
  }

  /** The signature of a text; null when it is too short to have one shingle (it can only be an exact duplicate). */
  signature(text: string): Uint32Array | null {
    return this.signatureOfWords(shingleWords(text));
  }

  /** The signature from the text's `shingleWords`. */
  signatureOfWords(words: readonly string[]): Uint32Array | null {
    const k = this.options.shingleWords;
    if (words.length < k) return null;
    const { a, b } = this.family;
    const sig = new Uint32Array(this.options.hashes).fill(0xffffffff);
    const seen = new Set<number>();
    for (let i = 0; i + k <= words.length; i++) {
      const h = shingleHash(words, i, k);
      if (seen.has(h)) continue;
      seen.add(h);
      for (let j = 0; j < sig.length; j++) {
        const v = (Math.imul(a[j]!, h) + b[j]!) >>> 0;
        if (v < sig[j]!) sig[j] = v;
      }
    }
    return sig;
  }

  /**
   * One key per band: two signatures sharing any key are candidates. The band number is part of the key, as its high
   * bits above the band's 32-bit hash (a whole number below 2^53, so a store keeps it as an integer: half the bytes of
   * a text key in the index it is looked up in).
   */
  bandKeys(sig: Uint32Array): number[] {
    const keys: number[] = [];
    for (let band = 0; band < this.options.bands; band++) {
      let h = 0x811c9dc5 ^ band;
      for (let r = band * this.rows; r < (band + 1) * this.rows; r++) {
        h = Math.imul(h ^ sig[r]!, 0x01000193);
        h = Math.imul(h ^ (sig[r]! >>> 16), 0x01000193);
      }
      keys.push(band * 2 ** 32 + (h >>> 0));
    }
    return keys;
  }

  /** Estimated Jaccard similarity of the shingle sets: the share of hash functions whose minimum agrees. */
  similarity(x: Uint32Array, y: Uint32Array): number {
    let same = 0;
    for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
    return same / x.length;
  }

  isNearDuplicate(x: Uint32Array, y: Uint32Array): boolean {
    return this.similarity(x, y) >= this.options.threshold;
  }
}

/** A signature as bytes for storage, and back. */
export function signatureBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}
