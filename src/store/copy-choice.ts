/**
 * Which stored article a new one copies, among candidates the store has gathered: the ones its look-ups found before
 * the write lock, the ones other writers stored meanwhile, and the ones stored earlier in the same group.
 */
import type { MinHasher } from '../story/dedup/minhash.js';

/** A stored article as the copy choice reads it. */
export interface CopyCandidate {
  seq: number;
  id: string;
  /** Its own original when it is a copy: a copy of a copy links to the original. */
  duplicateOf: string | null;
  /** Hash of its words (`textKeyOfWords`). */
  key: string;
  signature: Uint32Array | null;
  /** Its LSH band keys; absent when it was found through the band index (it shares one with the article). */
  bands?: ReadonlySet<number>;
}

/** The article being stored, as the copy choice reads it. */
export interface CopyProbe {
  key: string;
  sig: Uint32Array | null;
  bands: readonly number[];
}

export interface CopyChoice {
  /** The candidate matched. */
  matched: CopyCandidate;
  /** The original the new article is linked to (the matched article's original when it is a copy itself). */
  original: string;
  /** 1 for the same words, else the estimated Jaccard similarity. */
  similarity: number;
}

/**
 * The copy rule: the same words beat a near copy, and the earliest such article wins; otherwise the most similar
 * candidate at or above the threshold that shares an LSH band with the article (what the stored look-up finds),
 * ties to the earliest. Null when there is none.
 */
export function chooseCopy(probe: CopyProbe, candidates: readonly CopyCandidate[], hasher: MinHasher): CopyChoice | null {
  const ordered = [...candidates].sort((a, b) => a.seq - b.seq);
  const exact = ordered.find((c) => c.key === probe.key);
  if (exact) return { matched: exact, original: exact.duplicateOf ?? exact.id, similarity: 1 };
  if (!probe.sig || probe.bands.length === 0) return null;
  let best: { c: CopyCandidate; similarity: number } | null = null;
  for (const c of ordered) {
    if (!c.signature) continue;
    const bands = c.bands;
    if (bands && !probe.bands.some((b) => bands.has(b))) continue;
    const similarity = hasher.similarity(probe.sig, c.signature);
    if (similarity < hasher.options.threshold) continue;
    if (!best || similarity > best.similarity) best = { c, similarity };
  }
  return best && { matched: best.c, original: best.c.duplicateOf ?? best.c.id, similarity: best.similarity };
}
