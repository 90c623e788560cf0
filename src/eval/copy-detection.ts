/**
 * How well near-copies are found (src/story/dedup) on a story set, without labels for copies:
 * - found: pairs of the set's articles the store would link (a shared LSH band and an estimated Jaccard at or over
 *   the threshold); a pair across two gold stories is certainly wrong, so `sameStory / found` bounds precision;
 * - edited copies: every article of at least 150 words copied with the edits syndication makes — a dateline before
 *   it, its last paragraph cut, one word in 25 replaced — and looked up among the originals: recall, and how often
 *   the copy is linked to an article other than its source.
 */
import { readFileSync } from 'node:fs';
import { MinHasher, shingleWords } from '../story/dedup/minhash.js';

export interface CopyDetection {
  articles: number;
  found: number;
  sameStory: number;
  edited: number;
  editedFound: number;
  editedWrong: number;
}

function edit(text: string): string {
  const paragraphs = text.split(/\n\s*\n/);
  const kept = paragraphs.length >= 3 ? paragraphs.slice(0, -1) : paragraphs;
  let n = 0;
  const body = kept.join('\n\n').replace(/[\p{L}]+/gu, (w) => (++n % 25 === 0 ? 'changed' : w));
  return `LONDON (Wire) — ${body}`;
}

export function evaluateCopies(path: string, hasher = new MinHasher()): CopyDetection {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { story: string; text: string });
  const sigs = lines.map((l) => hasher.signature(l.text));
  const index = new Map<number, number[]>();
  sigs.forEach((sig, i) => {
    if (sig) for (const k of hasher.bandKeys(sig)) (index.get(k) ?? index.set(k, []).get(k)!).push(i);
  });
  const candidates = (sig: Uint32Array): Set<number> => new Set(hasher.bandKeys(sig).flatMap((k) => index.get(k) ?? []));
  let found = 0, sameStory = 0;
  sigs.forEach((sig, i) => {
    if (!sig) return;
    for (const j of candidates(sig)) {
      if (j <= i || !hasher.isNearDuplicate(sig, sigs[j]!)) continue;
      found++;
      if (lines[i]!.story === lines[j]!.story) sameStory++;
    }
  });
  let edited = 0, editedFound = 0, editedWrong = 0;
  lines.forEach((l, i) => {
    if (shingleWords(l.text).length < 150) return;
    const sig = hasher.signature(edit(l.text));
    if (!sig) return;
    edited++;
    let best = -1, bestSim = 0;
    for (const j of candidates(sig)) {
      const s = hasher.similarity(sig, sigs[j]!);
      if (s >= hasher.options.threshold && s > bestSim) { best = j; bestSim = s; }
    }
    if (best === i || (best >= 0 && sigs[best]!.every((v, k) => v === sigs[i]![k]))) editedFound++;
    else if (best >= 0) editedWrong++;
  });
  return { articles: lines.length, found, sameStory, edited, editedFound, editedWrong };
}
