/**
 * Training the attribution tagger from labelled articles (any source: PolNeAR in train-attribution.ts,
 * toy data in the tests): the learnt cue vocabulary, per-block feature sequences, the structured
 * averaged perceptron shared with NER (../entities/ner/perceptron.ts) and the compact model.
 */
import type { TextLayer } from '../../text/types.js';
import { IntMap } from '../entities/ner/intmap.js';
import { constrainedViterbi, trainStructuredPerceptron, type Sequence } from '../entities/ner/perceptron.js';
import { ALLOWED, ALLOWED_END, AttributionBuffer, MAX_FEATURES_PER_TOKEN, NUM_LABELS, blockFeatures, markBlock, readAttributionArticle, roleOf } from './features.js';
import { compactAttributionModel, type AttributionModel } from './model.js';
import type { BlockRange } from './tagger.js';

const L = NUM_LABELS;

/** An article with gold BIO labels per token (features.ts) over its paragraph ranges. */
export interface LabeledArticle {
  text: string;
  layer: TextLayer;
  ranges: readonly BlockRange[];
  ner: Uint8Array | null;
  labels: Uint8Array;
}

/** A word joins the learnt cue vocabulary when seen inside a cue at least this many times… */
export const DEFAULT_MIN_CUE_COUNT = 5;
/** …and in at least this share of its occurrences ("said" ~0.9; "for" ~0.01). */
export const DEFAULT_MIN_CUE_SHARE = 0.25;

/** Word hashes used as cues often enough in the labelled articles. */
export function learnCueVocab(docs: readonly LabeledArticle[], minCount = DEFAULT_MIN_CUE_COUNT, minShare = DEFAULT_MIN_CUE_SHARE): IntMap {
  const buf = new AttributionBuffer();
  const seen = new Map<number, number>(), asCue = new Map<number, number>();
  for (const doc of docs) {
    readAttributionArticle(doc.text, doc.layer.tokens, doc.layer.sentences, null, null, buf);
    for (const r of doc.ranges) {
      for (let i = r.from; i < r.to; i++) {
        const w = buf.words.word[i]!;
        seen.set(w, (seen.get(w) ?? 0) + 1);
        const l = doc.labels[i]!;
        if (l !== 0 && roleOf(l) === 1) asCue.set(w, (asCue.get(w) ?? 0) + 1);
      }
    }
  }
  const keep = new Set<number>();
  for (const [w, c] of asCue) if (c >= minCount && c >= minShare * seen.get(w)!) keep.add(w);
  return IntMap.fromSet(keep);
}

/** One feature sequence per paragraph range of the article. */
export function featurizeArticle(doc: LabeledArticle, cues: IntMap, bits: number, buf = new AttributionBuffer()): Sequence[] {
  readAttributionArticle(doc.text, doc.layer.tokens, doc.layer.sentences, doc.ner, cues, buf);
  const mask = (1 << bits) - 1;
  return doc.ranges.map((r) => {
    const n = r.to - r.from;
    markBlock(buf, r.from, r.to);
    const feats = new Int32Array(n * MAX_FEATURES_PER_TOKEN);
    const offsets = new Int32Array(n + 1);
    const used = blockFeatures(buf, r.from, r.to, mask, feats, offsets);
    return { feats: feats.slice(0, used), offsets, gold: doc.labels.slice(r.from, r.to) };
  });
}

export interface AttributionTrainOptions {
  bits: number;
  epochs: number;
  seed?: number;
  /** Weights with |w| ≤ prune are dropped from the compact model. */
  prune?: number;
  info?: Record<string, unknown>;
  /** After each epoch: the compact averaged model so far and the epoch's token errors. */
  onEpoch?: (epoch: number, model: () => AttributionModel, errors: number) => void;
}

/** Trains a model on the labelled articles. */
export function trainAttributionModel(docs: readonly LabeledArticle[], options: AttributionTrainOptions): AttributionModel {
  const cues = learnCueVocab(docs);
  const buf = new AttributionBuffer();
  const seqs = docs.flatMap((d) => featurizeArticle(d, cues, options.bits, buf));
  let delta = new Float64Array(0), back = new Uint8Array(0);
  const { weights, transitions } = trainStructuredPerceptron(seqs, {
    bits: options.bits,
    epochs: options.epochs,
    labels: L,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    decode: (scores, n, trans, out) => {
      if (delta.length < n * L) { delta = new Float64Array(2 * n * L); back = new Uint8Array(2 * n * L); }
      constrainedViterbi(scores, n, L, trans, ALLOWED, ALLOWED_END, out, delta, back);
    },
    onEpoch: (epoch, averaged, errors) => options.onEpoch?.(epoch, () => {
      const a = averaged();
      return compactAttributionModel(a.weights, options.bits, a.transitions, cues, {}, options.prune ?? 0);
    }, errors),
  });
  return compactAttributionModel(weights, options.bits, transitions, cues, options.info ?? {}, options.prune ?? 0);
}
