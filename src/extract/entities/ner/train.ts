/**
 * Training: lexicons from labelled documents, features per sentence, and a structured averaged
 * perceptron over BILOU labels with constrained Viterbi decoding. Deterministic: sentences are
 * shuffled with a seeded generator.
 */
import type { Token } from '../../../text/types.js';
import {
  ArticleBuffer, MAX_FEATURES_PER_TOKEN, MAX_PHRASE, NUM_LABELS, PHRASE_PREFIX, PHRASE_SEED,
  F_CAP, F_ALLCAPS, F_NOLETTER, annotateSentence, labelType, mix, prepareArticle, tokenFeatures, type Lexicons,
} from './features.js';
import { IntMap } from './intmap.js';
import { ViterbiBuffer, spansOf, viterbi } from './model.js';

const L = NUM_LABELS;

/** A document with gold BILOU labels per token (0 = O; see features.ts). */
export interface LabeledDoc {
  text: string;
  tokens: readonly Token[];
  sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>;
  labels: Uint8Array;
}

/** Words seen lower-case fewer times than this are not in lowerVocab. */
export const DEFAULT_MIN_LOWER = 2;

/** Lexicons (gazetteer, lower-case vocabulary) from labelled documents. */
export function buildLexicons(docs: readonly LabeledDoc[], minLower = DEFAULT_MIN_LOWER): Lexicons {
  const buf = new ArticleBuffer();
  const typeMask = new Map<number, number>();
  const seen = new Map<number, number>();
  const inEntity = new Map<number, number>();
  const lowerCount = new Map<number, number>();
  const phrases = new Map<number, number>();
  for (const doc of docs) {
    prepareArticle(doc.text, doc.tokens, doc.sentences, buf);
    for (const s of doc.sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const w = buf.word[i]!;
        const f = buf.flags[i]!;
        const l = doc.labels[i]!;
        seen.set(w, (seen.get(w) ?? 0) + 1);
        if (!(f & (F_CAP | F_ALLCAPS | F_NOLETTER))) lowerCount.set(w, (lowerCount.get(w) ?? 0) + 1);
        if (l !== 0) {
          typeMask.set(w, (typeMask.get(w) ?? 0) | (1 << labelType(l)));
          inEntity.set(w, (inEntity.get(w) ?? 0) + 1);
        }
      }
      for (const span of spansOf(doc.labels.subarray(s.tokenStart, s.tokenEnd), s.tokenEnd - s.tokenStart)) {
        if (span.end - span.start > MAX_PHRASE) continue;
        let h = PHRASE_SEED;
        for (let j = span.start; j < span.end; j++) {
          h = mix(h, buf.word[s.tokenStart + j]!);
          const v = phrases.get(h) ?? 0;
          phrases.set(h, j + 1 < span.end ? v | PHRASE_PREFIX : v | (1 << span.type));
        }
      }
    }
  }
  const words = new Map<number, number>();
  for (const [w, mask] of typeMask) {
    const mostly = 2 * (inEntity.get(w) ?? 0) >= (seen.get(w) ?? 1) ? 16 : 0;
    words.set(w, mask | mostly);
  }
  const lowerVocab = new Set<number>();
  for (const [w, c] of lowerCount) if (c >= minLower) lowerVocab.add(w);
  return { words: IntMap.fromMap(words), phrases: IntMap.fromMap(phrases), lowerVocab: IntMap.fromSet(lowerVocab) };
}

/** One training sequence: feature buckets of token t are feats[offsets[t] .. offsets[t+1]). */
export interface Sequence {
  feats: Int32Array;
  offsets: Int32Array;
  gold: Uint8Array;
}

/** Feature sequences of every sentence of a document, with the given lexicons. */
export function featurize(doc: LabeledDoc, lex: Lexicons, bits: number): Sequence[] {
  const buf = new ArticleBuffer();
  const context = prepareArticle(doc.text, doc.tokens, doc.sentences, buf);
  const mask = (1 << bits) - 1;
  const out: Sequence[] = [];
  for (const s of doc.sentences) {
    const n = s.tokenEnd - s.tokenStart;
    if (n <= 0) continue;
    annotateSentence(buf, s.tokenStart, s.tokenEnd, lex, context);
    const scratch = new Int32Array(n * MAX_FEATURES_PER_TOKEN);
    const offsets = new Int32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = at;
      at = tokenFeatures(buf, s.tokenStart + i, s.tokenStart, s.tokenEnd, mask, scratch, at);
    }
    offsets[n] = at;
    out.push({ feats: scratch.slice(0, at), offsets, gold: doc.labels.slice(s.tokenStart, s.tokenEnd) });
  }
  return out;
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

export interface PerceptronOptions {
  bits: number;
  epochs: number;
  seed?: number;
  /** Called after each epoch with the averaged model so far (e.g. to score a dev set) and the epoch's token errors. */
  onEpoch?: (epoch: number, averaged: () => { weights: Float32Array; transitions: Float32Array }, errors: number) => void;
}

/** Structured averaged perceptron; returns the averaged dense weights (buckets × L) and transitions. */
export function trainPerceptron(seqs: readonly Sequence[], options: PerceptronOptions): { weights: Float32Array; transitions: Float32Array } {
  const buckets = 1 << options.bits;
  const W = new Float32Array(buckets * L);
  const U = new Float64Array(buckets * L);
  const TW = new Float64Array((L + 1) * L);
  const TU = new Float64Array((L + 1) * L);
  const random = seededRandom(options.seed ?? 1);
  const order = seqs.map((_, i) => i);
  const vb = new ViterbiBuffer();
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
      viterbi(scores, n, TW, pred, vb);
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

/**
 * Lexicons for each training document built without its own fold (k-fold by document), so that the
 * gazetteer features fire on training text about as often as on unseen text.
 */
export function jackknifeLexicons(docs: readonly LabeledDoc[], folds: number): Lexicons[] {
  // The lower-case vocabulary does not come from the labels, so every fold shares the full one.
  const { lowerVocab } = buildLexicons(docs);
  const byFold: Lexicons[] = [];
  for (let k = 0; k < folds; k++) byFold.push({ ...buildLexicons(docs.filter((_, i) => i % folds !== k)), lowerVocab });
  return docs.map((_, i) => byFold[i % folds]!);
}
