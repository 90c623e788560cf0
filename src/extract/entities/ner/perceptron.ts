/**
 * Label-set-independent sequence-labelling machinery shared by the NER tagger and the attribution
 * tagger: the structured averaged perceptron, a constrained first-order Viterbi over any transition
 * mask, and a seeded random generator. Features are hashed buckets (see features.ts for NER's,
 * ../../attributions/features.ts for attributions'); label 0 is always O.
 */

/** One training sequence: feature buckets of token t are feats[offsets[t] .. offsets[t+1]). */
export interface Sequence {
  feats: Int32Array;
  offsets: Int32Array;
  gold: Uint8Array;
}

/** Mulberry32: a small seeded generator, so training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Best label sequence under per-token scores (n × L) and transitions ((L + 1) × L, row L = the
 * sequence start), using only transitions allowed by `allowed` ((L + 1) × L, 1 = allowed) and ending
 * on a label with `allowedEnd[l]`. Plain O(n·L²); ties go to the lowest label. Written to `out`.
 */
export function constrainedViterbi(scores: ArrayLike<number>, n: number, L: number, transitions: ArrayLike<number>, allowed: Uint8Array, allowedEnd: Uint8Array, out: Uint8Array, delta: Float64Array = new Float64Array(n * L), back: Uint8Array = new Uint8Array(n * L)): void {
  if (n === 0) return;
  for (let l = 0; l < L; l++) delta[l] = allowed[L * L + l] ? scores[l]! + transitions[L * L + l]! : -Infinity;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L, cur = t * L;
    for (let l = 0; l < L; l++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed[p * L + l]) continue;
        const v = delta[prev + p]! + transitions[p * L + l]!;
        if (v > best) { best = v; arg = p; }
      }
      delta[cur + l] = best + scores[cur + l]!;
      back[cur + l] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  for (let l = 0; l < L; l++) if (allowedEnd[l] && delta[(n - 1) * L + l]! > best) { best = delta[(n - 1) * L + l]!; arg = l; }
  out[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) { arg = back[t * L + arg]!; out[t - 1] = arg; }
}

export interface StructuredPerceptronOptions {
  bits: number;
  epochs: number;
  /** Number of labels (label 0 is O). */
  labels: number;
  /** Best labels for scores (n × labels) and transitions ((labels + 1) × labels), written to out. */
  decode: (scores: Float64Array, n: number, transitions: Float64Array, out: Uint8Array) => void;
  seed?: number;
  /** Called after each epoch with the averaged model so far (e.g. to score a held-out set) and the epoch's token errors. */
  onEpoch?: (epoch: number, averaged: () => { weights: Float32Array; transitions: Float32Array }, errors: number) => void;
}

/** Structured averaged perceptron; returns the averaged dense weights (buckets × labels) and transitions. */
export function trainStructuredPerceptron(seqs: readonly Sequence[], options: StructuredPerceptronOptions): { weights: Float32Array; transitions: Float32Array } {
  const L = options.labels;
  const buckets = 1 << options.bits;
  const W = new Float32Array(buckets * L);
  const U = new Float64Array(buckets * L);
  const TW = new Float64Array((L + 1) * L);
  const TU = new Float64Array((L + 1) * L);
  const random = seededRandom(options.seed ?? 1);
  const order = seqs.map((_, i) => i);
  let scores = new Float64Array(256 * L);
  let pred = new Uint8Array(256);
  let c = 1;
  const averaged = (): { weights: Float32Array; transitions: Float32Array } => {
    const weights = new Float32Array(buckets * L);
    for (let k = 0; k < weights.length; k++) weights[k] = W[k]! - U[k]! / c;
    const transitions = new Float32Array((L + 1) * L);
    for (let k = 0; k < transitions.length; k++) transitions[k] = TW[k]! - TU[k]! / c;
    return { weights, transitions };
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let errors = 0;
    for (const index of order) {
      const seq = seqs[index]!;
      const n = seq.gold.length;
      if (scores.length < n * L) { scores = new Float64Array(n * L * 2); pred = new Uint8Array(n * 2); }
      for (let t = 0; t < n; t++) {
        const base = t * L;
        for (let l = 0; l < L; l++) scores[base + l] = 0;
        for (let k = seq.offsets[t]!; k < seq.offsets[t + 1]!; k++) {
          const w = seq.feats[k]! * L;
          for (let l = 0; l < L; l++) scores[base + l] = scores[base + l]! + W[w + l]!;
        }
      }
      options.decode(scores, n, TW, pred);
      for (let t = 0; t < n; t++) {
        const g = seq.gold[t]!, p = pred[t]!;
        const gp = t === 0 ? L : seq.gold[t - 1]!, pp = t === 0 ? L : pred[t - 1]!;
        if (g !== p) {
          errors++;
          for (let k = seq.offsets[t]!; k < seq.offsets[t + 1]!; k++) {
            const w = seq.feats[k]! * L;
            W[w + g] = W[w + g]! + 1;
            U[w + g] = U[w + g]! + c;
            W[w + p] = W[w + p]! - 1;
            U[w + p] = U[w + p]! - c;
          }
        }
        if (g !== p || gp !== pp) {
          TW[gp * L + g] = TW[gp * L + g]! + 1;
          TU[gp * L + g] = TU[gp * L + g]! + c;
          TW[pp * L + p] = TW[pp * L + p]! - 1;
          TU[pp * L + p] = TU[pp * L + p]! - c;
        }
      }
      c++;
    }
    options.onEpoch?.(epoch, averaged, errors);
  }
  return averaged();
}
