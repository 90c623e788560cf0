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
import { seededRandom, trainStructuredPerceptron, type Sequence } from './perceptron.js';

export { seededRandom, type Sequence };

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

export interface PerceptronOptions {
  bits: number;
  epochs: number;
  seed?: number;
  /** Called after each epoch with the averaged model so far (e.g. to score a dev set) and the epoch's token errors. */
  onEpoch?: (epoch: number, averaged: () => { weights: Float32Array; transitions: Float32Array }, errors: number) => void;
}

/** The structured averaged perceptron (perceptron.ts) over NER's BILOU labels with its unrolled Viterbi. */
export function trainPerceptron(seqs: readonly Sequence[], options: PerceptronOptions): { weights: Float32Array; transitions: Float32Array } {
  const vb = new ViterbiBuffer();
  return trainStructuredPerceptron(seqs, { ...options, labels: L, decode: (scores, n, transitions, out) => viterbi(scores, n, transitions, out, vb) });
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
