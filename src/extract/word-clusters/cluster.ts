/**
 * Word clusters learnt from unlabelled text, so the taggers can generalise from a word seen in training to words
 * used the same way ("recapitulated" near "reiterated"): each frequent word is described by the words seen just
 * before and after it (positive PMI over the most frequent context words), the description is reduced by a seeded
 * random projection, and spherical k-means groups the words at two grains (coarse and fine). Deterministic.
 *
 * Input is word hashes (../entities/ner/features.ts `hashWord`, as the taggers read them), one array per
 * sentence; output maps a word hash to its two cluster ids.
 */
import { seededRandom } from '../entities/ner/perceptron.js';

export interface ClusterOptions {
  /** A word seen fewer times is not clustered. */
  minCount: number;
  /** Context words: the most frequent this many, on each side. */
  contexts: number;
  /** Dimensions of the random projection. */
  dims: number;
  /** Clusters of the coarse and the fine grain. */
  coarse: number;
  fine: number;
  /** k-means rounds. */
  rounds: number;
  seed: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { minCount: 5, contexts: 1000, dims: 96, coarse: 64, fine: 512, rounds: 12, seed: 1 };

export interface WordClusters {
  /** Word hashes, and for each its coarse and fine cluster (parallel arrays). */
  words: Int32Array;
  coarse: Uint16Array;
  fine: Uint16Array;
}

/** Sentence edges as context "words" (no real word hashes to 0 or 1 in practice; they are only context keys). */
const START = 0, END = 1;

export function learnWordClusters(sentences: Iterable<Int32Array>, options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): WordClusters {
  const all: Int32Array[] = [...sentences];
  const counts = new Map<number, number>();
  for (const s of all) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const vocab = byCount.filter(([, c]) => c >= options.minCount).map(([w]) => w);
  const row = new Map<number, number>(vocab.map((w, i) => [w, i]));
  // Context ids: the sentence edges, then the most frequent words.
  const ctx = new Map<number, number>([[START, 0], [END, 1]]);
  for (const [w] of byCount.slice(0, options.contexts)) if (!ctx.has(w)) ctx.set(w, ctx.size);
  const C = ctx.size;
  // Co-occurrence counts: left context in columns [0, C), right context in [C, 2C).
  const cooc = new Map<number, number>();
  const add = (r: number, col: number): void => { const k = r * 2 * C + col; cooc.set(k, (cooc.get(k) ?? 0) + 1); };
  for (const s of all) {
    for (let i = 0; i < s.length; i++) {
      const r = row.get(s[i]!);
      if (r === undefined) continue;
      const left = i > 0 ? ctx.get(s[i - 1]!) : 0, right = i + 1 < s.length ? ctx.get(s[i + 1]!) : 1;
      if (left !== undefined) add(r, left);
      if (right !== undefined) add(r, C + right);
    }
  }
  // Positive PMI, then a random projection (a seeded ±1 matrix, one row per context column).
  const rowTotal = new Float64Array(vocab.length), colTotal = new Float64Array(2 * C);
  let total = 0;
  for (const [k, n] of cooc) { rowTotal[Math.floor(k / (2 * C))]! += n; colTotal[k % (2 * C)]! += n; total += n; }
  const random = seededRandom(options.seed);
  const D = options.dims;
  const projection = new Float32Array(2 * C * D);
  for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;
  const vectors = new Float32Array(vocab.length * D);
  for (const [k, n] of cooc) {
    const r = Math.floor(k / (2 * C)), col = k % (2 * C);
    const pmi = Math.log((n * total) / (rowTotal[r]! * colTotal[col]!));
    if (pmi <= 0) continue;
    const v = r * D, p = col * D;
    for (let d = 0; d < D; d++) vectors[v + d]! += pmi * projection[p + d]!;
  }
  normalizeRows(vectors, vocab.length, D);
  return {
    words: Int32Array.from(vocab),
    coarse: kMeans(vectors, vocab.length, D, Math.min(options.coarse, vocab.length), options.rounds, random),
    fine: kMeans(vectors, vocab.length, D, Math.min(options.fine, vocab.length), options.rounds, random),
  };
}

function normalizeRows(m: Float32Array, n: number, D: number): void {
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let d = 0; d < D; d++) s += m[r * D + d]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < D; d++) m[r * D + d]! *= inv;
  }
}

/** Spherical k-means (cosine), seeded k-means++ style: each next centre a row drawn in proportion to its squared distance from the centres so far. */
function kMeans(vectors: Float32Array, n: number, D: number, k: number, rounds: number, random: () => number): Uint16Array {
  const centres = new Float32Array(k * D);
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centres.set(vectors.subarray(pick * D, pick * D + D), c * D);
    let total = 0;
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += vectors[r * D + d]! * centres[c * D + d]!;
      const dist = Math.max(0, 1 - s) ** 2;
      if (dist < nearest[r]!) nearest[r] = dist;
      total += nearest[r]!;
    }
    let x = random() * total;
    pick = n - 1;
    for (let r = 0; r < n; r++) { x -= nearest[r]!; if (x <= 0) { pick = r; break; } }
  }
  const assign = new Uint16Array(n);
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    for (let r = 0; r < n; r++) {
      let best = 0, bestScore = -Infinity;
      const v = r * D;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const o = c * D;
        for (let d = 0; d < D; d++) s += vectors[v + d]! * centres[o + d]!;
        if (s > bestScore) { bestScore = s; best = c; }
      }
      if (assign[r] !== best || round === 0) { moved++; assign[r] = best; }
    }
    centres.fill(0);
    for (let r = 0; r < n; r++) {
      const o = assign[r]! * D, v = r * D;
      for (let d = 0; d < D; d++) centres[o + d]! += vectors[v + d]!;
    }
    normalizeRows(centres, k, D);
    if (moved === 0) break;
  }
  return assign;
}
