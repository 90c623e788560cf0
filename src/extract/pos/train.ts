/**
 * Training the part-of-speech tagger: a greedy averaged perceptron (each token's features include the two
 * tags the tagger itself gave before it, as at run time), over sentences of tokens with gold tags.
 */
import type { TextLayer } from '../../text/types.js';
import { ArticleBuffer, readArticle } from '../entities/ner/features.js';
import { IntMap } from '../entities/ner/intmap.js';
import { seededRandom } from '../entities/ner/perceptron.js';
import { MAX_POS_FEATURES, posFeatures } from './features.js';
import { compactPosModel, type PosModel } from './model.js';
import { NUM_POS } from './tags.js';

/** A text with gold tags per token (-1: none, e.g. a token CoNLL does not tag). */
export interface TaggedDoc {
  text: string;
  layer: TextLayer;
  tags: Int8Array;
}

export interface PosTrainOptions {
  bits: number;
  epochs: number;
  seed?: number;
  prune?: number;
  info?: Record<string, unknown>;
  onEpoch?: (epoch: number, model: () => PosModel, errors: number, tokens: number) => void;
}

/** A word joins the tag dictionary when seen at least this many times… */
export const DEFAULT_DICTIONARY_MIN_COUNT = 20;
/** …with one tag at least this share of the times (Honnibal's tagger uses the same pair). */
export const DEFAULT_DICTIONARY_MIN_SHARE = 0.97;

/** Word hash → tag for the words frequent and unambiguous in the training data. */
export function buildTagDictionary(docs: readonly TaggedDoc[], minCount = DEFAULT_DICTIONARY_MIN_COUNT, minShare = DEFAULT_DICTIONARY_MIN_SHARE): IntMap {
  const counts = new Map<number, Int32Array>();
  const buf = new ArticleBuffer();
  for (const doc of docs) {
    readArticle(doc.text, doc.layer.tokens, buf);
    for (let i = 0; i < doc.layer.tokens.length; i++) {
      const tag = doc.tags[i]!;
      if (tag < 0) continue;
      let c = counts.get(buf.word[i]!);
      if (!c) counts.set(buf.word[i]!, (c = new Int32Array(NUM_POS)));
      c[tag] = c[tag]! + 1;
    }
  }
  const dictionary = new Map<number, number>();
  for (const [word, c] of counts) {
    let total = 0, best = 0;
    for (let t = 0; t < NUM_POS; t++) { total += c[t]!; if (c[t]! > c[best]!) best = t; }
    if (total >= minCount && c[best]! >= minShare * total) dictionary.set(word, best);
  }
  return IntMap.fromMap(dictionary);
}

export function trainPosModel(docs: readonly TaggedDoc[], options: PosTrainOptions): PosModel {
  const L = NUM_POS;
  const dictionary = buildTagDictionary(docs);
  const buckets = 1 << options.bits, mask = buckets - 1;
  const W = new Float32Array(buckets * L), U = new Float64Array(buckets * L);
  let c = 1;
  const averaged = (): Float32Array => {
    const out = new Float32Array(W.length);
    for (let k = 0; k < W.length; k++) out[k] = W[k]! - U[k]! / c;
    return out;
  };
  // Sentences as (doc, sentence index); the buffer is read per doc, so order docs, shuffle within.
  const random = seededRandom(options.seed ?? 1);
  const order = docs.map((_, i) => i);
  const buf = new ArticleBuffer();
  const feats = new Int32Array(MAX_POS_FEATURES);
  const scores = new Float64Array(L);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0, tokens = 0;
    for (const d of order) {
      const doc = docs[d]!;
      readArticle(doc.text, doc.layer.tokens, buf);
      for (const s of doc.layer.sentences) {
        let prev1 = -1, prev2 = -1;
        for (let i = s.tokenStart; i < s.tokenEnd; i++) {
          // Dictionary words are tagged without the weights, at run time too: no training on them.
          const known = dictionary.get(buf.word[i]!, -1);
          if (known >= 0) { prev2 = prev1; prev1 = known; continue; }
          const n = posFeatures(buf, i, s.tokenStart, s.tokenEnd, prev1, prev2, mask, feats, 0);
          scores.fill(0);
          for (let k = 0; k < n; k++) {
            const base = feats[k]! * L;
            for (let l = 0; l < L; l++) scores[l] = scores[l]! + W[base + l]!;
          }
          let best = 0;
          for (let l = 1; l < L; l++) if (scores[l]! > scores[best]!) best = l;
          const gold = doc.tags[i]!;
          if (gold >= 0) {
            tokens++;
            if (gold !== best) {
              errors++;
              for (let k = 0; k < n; k++) {
                const base = feats[k]! * L;
                W[base + gold] = W[base + gold]! + 1; U[base + gold] = U[base + gold]! + c;
                W[base + best] = W[base + best]! - 1; U[base + best] = U[base + best]! - c;
              }
            }
            c++;
          }
          prev2 = prev1;
          prev1 = best;
        }
      }
    }
    options.onEpoch?.(epoch, () => compactPosModel(averaged(), options.bits, dictionary, {}, options.prune ?? 0), errors, tokens);
  }
  return compactPosModel(averaged(), options.bits, dictionary, options.info ?? {}, options.prune ?? 0);
}
