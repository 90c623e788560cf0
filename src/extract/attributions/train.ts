/**
 * Training the two-stage attribution tagger from labelled articles (any source: PolNeAR in
 * train-attribution.ts, toy data in the tests): the learnt cue vocabulary, the cue tagger's per-block
 * sequences (gold: the cue spans), the role tagger's per-cue sequences (gold: that attribution's source and
 * content), the structured averaged perceptron shared with NER (../entities/ner/perceptron.ts) and the
 * compact model.
 */
import type { TextLayer } from '../../text/types.js';
import { IntMap } from '../entities/ner/intmap.js';
import { constrainedViterbi, trainStructuredPerceptron, type Sequence } from '../entities/ner/perceptron.js';
import { AttributionBuffer, CUE_LABELS, MAX_FEATURES_PER_TOKEN, ROLE_LABELS, blockFeatures, labelOf, markBlock, readAttributionArticle, type StageLabels, type TokenEvidence, type WordLexicon } from './features.js';
import { compactStage, type AttributionModel, type StageWeights } from './model.js';
import { BlockCounts, MAX_ROLE_FEATURES, roleFeatures, roleWindow } from './role-features.js';
import type { BlockRange } from './tagger.js';

/** Label positions of each role in its stage (features.ts): the cue stage's one role, the role stage's two. */
const CUE_K = 0, SOURCE_K = 0, CONTENT_K = 1;

/** Tokens [start, end) of the layer. */
export interface TokenSpan { start: number; end: number }
/** A gold attribution in token spans (each role one or more fragments; cue and source may be empty). */
export interface TokenAttribution { cue: TokenSpan[]; source: TokenSpan[]; content: TokenSpan[] }

/** An article with its gold attributions, over its paragraph ranges. */
export interface LabeledArticle {
  text: string;
  layer: TextLayer;
  ranges: readonly BlockRange[];
  /** The NER and part-of-speech taggers' output per token, as at run time. */
  evidence: TokenEvidence;
  attributions: readonly TokenAttribution[];
}

/** A word joins the learnt cue vocabulary when seen inside a cue at least this many times… */
export const DEFAULT_MIN_CUE_COUNT = 5;
/** …and in at least this share of its occurrences ("said" ~0.9; "for" ~0.01). */
export const DEFAULT_MIN_CUE_SHARE = 0.25;

/** Writes BIO labels of the stage's k-th role over the fragments into `labels` (a token already labelled keeps its label). */
function markSpans(labels: Uint8Array, frags: readonly TokenSpan[], k: number, from = 0, to = labels.length): void {
  for (const f of frags) {
    for (let i = Math.max(f.start, from); i < Math.min(f.end, to); i++) if (labels[i] === 0) labels[i] = labelOf(k, i > Math.max(f.start, from));
  }
}

/** Gold cue labels per token (cue spans only), inside the paragraph ranges. */
export function cueLabels(doc: LabeledArticle): Uint8Array {
  const labels = new Uint8Array(doc.layer.tokens.length);
  for (const a of doc.attributions) markSpans(labels, a.cue, CUE_K);
  const keep = new Uint8Array(labels.length);
  for (const r of doc.ranges) keep.fill(1, r.from, r.to);
  for (let i = 0; i < labels.length; i++) if (!keep[i]) labels[i] = 0;
  return labels;
}

/** Word hashes used as cues often enough in the labelled articles. */
export function learnCueVocab(docs: readonly LabeledArticle[], minCount = DEFAULT_MIN_CUE_COUNT, minShare = DEFAULT_MIN_CUE_SHARE): IntMap {
  const buf = new AttributionBuffer();
  const seen = new Map<number, number>(), asCue = new Map<number, number>();
  for (const doc of docs) {
    readAttributionArticle(doc.text, doc.layer.tokens, doc.layer.sentences, { ner: null, pos: null }, null, buf);
    const labels = cueLabels(doc);
    for (const r of doc.ranges) {
      for (let i = r.from; i < r.to; i++) {
        const w = buf.words.word[i]!;
        seen.set(w, (seen.get(w) ?? 0) + 1);
        if (labels[i] !== 0) asCue.set(w, (asCue.get(w) ?? 0) + 1);
      }
    }
  }
  const keep = new Set<number>();
  for (const [w, c] of asCue) if (c >= minCount && c >= minShare * seen.get(w)!) keep.add(w);
  return IntMap.fromSet(keep);
}

/** The cue tagger's sequences: one per paragraph range of the article. */
export function cueSequences(doc: LabeledArticle, lexicon: WordLexicon, bits: number, buf = new AttributionBuffer()): Sequence[] {
  readAttributionArticle(doc.text, doc.layer.tokens, doc.layer.sentences, doc.evidence, lexicon, buf);
  const labels = cueLabels(doc);
  const mask = (1 << bits) - 1;
  return doc.ranges.map((r) => {
    const n = r.to - r.from;
    markBlock(buf, r.from, r.to);
    const feats = new Int32Array(n * MAX_FEATURES_PER_TOKEN);
    const offsets = new Int32Array(n + 1);
    const used = blockFeatures(buf, r.from, r.to, mask, feats, offsets);
    return { feats: feats.slice(0, used), offsets, gold: labels.slice(r.from, r.to) };
  });
}

/**
 * The role tagger's sequences: one per gold attribution with a cue, over the cue's window of the paragraph
 * range holding its first token (roleWindow); gold labels that attribution's source and content (the cue and
 * all else O).
 */
export function roleSequences(doc: LabeledArticle, lexicon: WordLexicon, bits: number, buf = new AttributionBuffer(), counts = new BlockCounts()): Sequence[] {
  readAttributionArticle(doc.text, doc.layer.tokens, doc.layer.sentences, doc.evidence, lexicon, buf);
  const mask = (1 << bits) - 1;
  const out: Sequence[] = [];
  let marked: BlockRange | null = null;
  const byRange = doc.attributions.filter((a) => a.cue.length > 0).map((a) => ({ a, range: doc.ranges.find((r) => a.cue[0]!.start >= r.from && a.cue[0]!.start < r.to) }));
  byRange.sort((x, y) => (x.range?.from ?? -1) - (y.range?.from ?? -1));
  for (const { a, range: r } of byRange) {
    if (!r) continue;
    if (marked !== r) { markBlock(buf, r.from, r.to); marked = r; }
    const cueStart = a.cue[0]!.start, cueEnd = Math.min(r.to, Math.max(...a.cue.map((c) => c.end)));
    const w = roleWindow(buf, doc.layer.sentences, r, cueStart);
    counts.fill(buf, w.from, w.to);
    const n = w.to - w.from;
    const feats = new Int32Array(n * MAX_ROLE_FEATURES);
    const offsets = new Int32Array(n + 1);
    const used = roleFeatures(buf, counts, cueStart, cueEnd, mask, feats, offsets);
    const gold = new Uint8Array(doc.layer.tokens.length);
    for (let i = cueStart; i < cueEnd; i++) gold[i] = 255; // the cue itself stays O
    markSpans(gold, a.source, SOURCE_K, w.from, w.to);
    markSpans(gold, a.content, CONTENT_K, w.from, w.to);
    const labels = gold.slice(w.from, w.to).map((l) => (l === 255 ? 0 : l));
    out.push({ feats: feats.slice(0, used), offsets, gold: labels });
  }
  return out;
}

export interface AttributionTrainOptions {
  /** log2 of the buckets of each stage's weight table… */
  bits: number;
  /** …or of the role tagger's, when given (it gains from more buckets, the cue tagger does not). */
  roleBits?: number;
  /** Epochs of each stage (the cue tagger first, then the role tagger)… */
  epochs: number;
  /** …or of the role tagger's, when given. */
  roleEpochs?: number;
  seed?: number;
  /** Word clusters to read as evidence (../word-clusters `clusterMap`); copied into the model. Default none. */
  clusters?: IntMap | null;
  /** Perceptrons averaged per stage, each trained in its own order (default 1). */
  members?: number;
  /** Weights with |w| ≤ prune are dropped from the compact model. */
  prune?: number;
  info?: Record<string, unknown>;
  /** After each epoch of either stage: the compact model so far (the other stage as it stands) and the epoch's token errors. */
  onEpoch?: (stage: 'cue' | 'role', epoch: number, model: () => AttributionModel, errors: number) => void;
}

/**
 * One stage's weights: the average of `members` perceptrons trained on the same sequences in different orders
 * (seeds seed, seed + 1, …). Averaging linear models is one linear model, so tagging costs no more; on the
 * held-out tenth of PolNeAR train three members gave +1.2 cue and +0.6 content exact F1 over one.
 * `onEpoch` follows the first member.
 */
function trainStage(seqs: readonly Sequence[], stage: StageLabels, bits: number, options: AttributionTrainOptions, onEpoch: (epoch: number, averaged: () => StageWeights, errors: number) => void): StageWeights {
  const { L } = stage;
  const members = options.members ?? 1;
  if (!Number.isInteger(members) || members < 1) throw new RangeError(`trainAttributionModel: members must be a positive whole number, got ${members}`);
  let delta = new Float64Array(0), back = new Uint8Array(0);
  let sum: { weights: Float32Array; transitions: Float32Array } | null = null;
  for (let m = 0; m < members; m++) {
    const { weights, transitions } = trainStructuredPerceptron(seqs, {
      bits,
      epochs: options.epochs,
      labels: L,
      seed: (options.seed ?? 1) + m,
      decode: (scores, n, trans, out) => {
        if (delta.length < n * L) { delta = new Float64Array(2 * n * L); back = new Uint8Array(2 * n * L); }
        constrainedViterbi(scores, n, L, trans, stage.allowed, stage.allowedEnd, out, delta, back);
      },
      ...(m === 0 ? {
        onEpoch: (epoch: number, averaged: () => { weights: Float32Array; transitions: Float32Array }, errors: number) => onEpoch(epoch, () => {
          const a = averaged();
          return compactStage(a.weights, bits, L, a.transitions, options.prune ?? 0);
        }, errors),
      } : {}),
    });
    if (!sum) sum = { weights, transitions };
    else {
      for (let k = 0; k < weights.length; k++) sum.weights[k] = sum.weights[k]! + weights[k]!;
      for (let k = 0; k < transitions.length; k++) sum.transitions[k] = sum.transitions[k]! + transitions[k]!;
    }
  }
  const { weights, transitions } = sum!;
  if (members > 1) {
    for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / members;
    for (let k = 0; k < transitions.length; k++) transitions[k] = transitions[k]! / members;
  }
  return compactStage(weights, bits, L, transitions, options.prune ?? 0);
}

/** Trains both stages on the labelled articles. */
export function trainAttributionModel(docs: readonly LabeledArticle[], options: AttributionTrainOptions): AttributionModel {
  const cues = learnCueVocab(docs);
  const clusters = options.clusters ?? null;
  const lexicon: WordLexicon = { cues, clusters };
  const buf = new AttributionBuffer();
  const info = options.info ?? {};
  const cueSeqs = docs.flatMap((d) => cueSequences(d, lexicon, options.bits, buf));
  const cue = trainStage(cueSeqs, CUE_LABELS, options.bits, options, (epoch, averaged, errors) => {
    // Until the role tagger is trained, the model so far has an empty one.
    const L = ROLE_LABELS.L;
    options.onEpoch?.('cue', epoch, () => ({ cue: averaged(), role: compactStage(new Float32Array((1 << options.bits) * L), options.bits, L, new Float32Array((L + 1) * L)), cues, clusters, info }), errors);
  });
  const counts = new BlockCounts();
  const roleBits = options.roleBits ?? options.bits;
  const roleSeqs = docs.flatMap((d) => roleSequences(d, lexicon, roleBits, buf, counts));
  const role = trainStage(roleSeqs, ROLE_LABELS, roleBits, options.roleEpochs === undefined ? options : { ...options, epochs: options.roleEpochs }, (epoch, averaged, errors) => options.onEpoch?.('role', epoch, () => ({ cue, role: averaged(), cues, clusters, info }), errors));
  return { cue, role, cues, clusters, info };
}
