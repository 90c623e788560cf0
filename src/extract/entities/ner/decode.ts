/**
 * Tagging one article with a model: features per sentence, label scores, constrained Viterbi, spans.
 * Shared by the runtime tagger, the trainer's per-epoch check and the evaluation.
 *
 * Speed: a token's scores are the sum of the weights of its features (features.ts), in three parts —
 * its own features (selfFeatures), what each of its four neighbours gives it (neighbourFeatures) and
 * the features joining it to its neighbours or the document (pairFeatures). The first two depend on
 * one token only, so their weight sums are cached per distinct token (word, shape, flags) across
 * sentences and articles: most tokens of news text (function words, punctuation, names said twice)
 * are found there. Weights are summed as the model's 16-bit integers, so sums are exact and do not
 * depend on the order or the cache; transitions are in the same units (model.transitionsQ).
 */
import type { Token } from '../../../text/types.js';
import {
  AT_NEXT1, AT_NEXT2, AT_PREV1, AT_PREV2, ArticleBuffer, BOUNDARY, MAX_FEATURES_PER_TOKEN, NUM_LABELS,
  annotateSentence, caseNext, caseOf, casePrev, flagFeatures, neighbourFeatures, pairFeatures, prepareArticle, selfFeatures,
} from './features.js';
import { ViterbiBuffer, spansOf, viterbi, type NerModel } from './model.js';
import { addRows } from './weights.js';

const L = NUM_LABELS;
/** Per cached token: its own weight sums, then what it gives as the previous, next, second previous and second next token. */
const PARTS = 5;
const STRIDE = PARTS * L;
const KEY = 5;
/** The cache entry (always present) holding what the sentence's edges give as neighbours. */
const EDGE = 0;
/** Cached tokens kept at most (the cache is emptied when full): ~6 MB. */
const DEFAULT_CACHE = 16384;

/** Distinct flagFeatures values kept at most (emptied when full). */
const FLAG_CACHE = 4096;

/** A decoded entity: token range [tokenStart, tokenEnd) into the layer's tokens and a type index into ENTITY_TYPES. */
export interface TokenSpan {
  tokenStart: number;
  tokenEnd: number;
  type: number;
}

/** Reusable scratch space for decoding (one per tagger; calls are synchronous, so never shared). */
export class Decoder {
  readonly buf = new ArticleBuffer();
  readonly vb = new ViterbiBuffer();
  readonly feats = new Int32Array(MAX_FEATURES_PER_TOKEN);
  scores = new Float64Array(64 * L);
  /** The scores as summed (integers, in units of model.scale). */
  sumsOfSentence = new Int32Array(64 * L);
  labels = new Uint8Array(64);
  /** Cache entry of each token of the sentence being tagged. */
  entry = new Int32Array(64);

  // Token cache: open addressing over 2 × capacity slots; slot → entry (-1: empty); entry → key, sums.
  private capacity = DEFAULT_CACHE;
  private count = 1;
  private slotEntry = new Int32Array(2 * DEFAULT_CACHE).fill(-1);
  private keys = new Int32Array(DEFAULT_CACHE * KEY);
  private sums = new Int32Array(DEFAULT_CACHE * STRIDE);

  // Cache of flagFeatures sums by value: slot → entry (-1: empty); entry → key (2 ints), sums.
  private flagCount = 0;
  private readonly flagSlots = new Int32Array(2 * FLAG_CACHE).fill(-1);
  private readonly flagKeys = new Int32Array(2 * FLAG_CACHE);
  private readonly flagSums = new Int32Array(FLAG_CACHE * L);

  /** `cacheSize`: how many distinct tokens the cache holds before it is emptied (rounded up to a power of two). */
  constructor(readonly model: NerModel, cacheSize = DEFAULT_CACHE) {
    let capacity = 2;
    while (capacity < cacheSize) capacity *= 2;
    this.clearCache(capacity);
  }

  /** Entry 0 of the cache: what the sentence's edges give as neighbours (its own part unused). */
  private fillEdge(): void {
    const mask = (1 << this.model.bits) - 1;
    this.sums.fill(0, 0, STRIDE);
    for (let where = AT_PREV1; where <= AT_NEXT2; where++) {
      const [w, s, gw] = BOUNDARY[where]!;
      const end = neighbourFeatures(w, s, gw, where, mask, this.feats, 0);
      this.addRows(this.feats, end, this.sums, (1 + where) * L);
    }
  }

  /** Adds the weights of features feats[0 .. end) to out[base .. base + L). */
  private addRows(feats: Int32Array, end: number, out: Int32Array | Float64Array, base: number): void {
    addRows(this.model, feats, 0, end, out, base);
  }

  private clearCache(capacity: number): void {
    if (capacity !== this.capacity) {
      this.capacity = capacity;
      this.slotEntry = new Int32Array(2 * capacity);
      this.keys = new Int32Array(capacity * KEY);
      this.sums = new Int32Array(capacity * STRIDE);
    }
    this.slotEntry.fill(-1);
    this.fillEdge();
    this.count = 1;
  }

  /** Offset in flagSums of the flagFeatures sums of token i of the sentence [from, to) (computed on a miss). */
  private flagEntryOf(i: number, from: number, to: number, mask: number): number {
    const buf = this.buf;
    const fm1 = casePrev(buf, i, from), cf = caseOf(buf, i), fp1 = caseNext(buf, i, to), d = buf.doc[i]!, gw = buf.gazWord[i]!;
    // Casing masks are 9 bits (bit 9: past the edge), d 3 bits, gw 5 bits.
    const k1 = ((fm1 >>> 11) | (fm1 & 511)) | (cf << 10) | (((fp1 >>> 12) | (fp1 & 511)) << 20);
    const k2 = d | (gw << 8);
    const slotMask = 2 * FLAG_CACHE - 1;
    const slots = this.flagSlots, keys = this.flagKeys;
    let s = (Math.imul(k1 ^ Math.imul(k2, 0x85ebca6b), 0x9e3779b1) >>> 12) & slotMask;
    for (;;) {
      const e = slots[s]!;
      if (e < 0) break;
      if (keys[2 * e] === k1 && keys[2 * e + 1] === k2) return e * L;
      s = (s + 1) & slotMask;
    }
    if (this.flagCount === FLAG_CACHE) {
      slots.fill(-1);
      this.flagCount = 0;
      return this.flagEntryOf(i, from, to, mask);
    }
    const e = this.flagCount++;
    slots[s] = e;
    keys[2 * e] = k1;
    keys[2 * e + 1] = k2;
    this.flagSums.fill(0, e * L, e * L + L);
    const end = flagFeatures(fm1, cf, fp1, d, gw, mask, this.feats, 0);
    this.addRows(this.feats, end, this.flagSums, e * L);
    return e * L;
  }

  /** The cache entry of token i (computed on a miss). */
  private entryOf(i: number, mask: number): number {
    const buf = this.buf;
    const w = buf.word[i]!, sh = buf.shape[i]!, f = buf.flags[i]!, pre = buf.pre[i * 4 + 3]!, suf = buf.suf[i * 4 + 3]!;
    const slotMask = 2 * this.capacity - 1;
    const keys = this.keys, slotEntry = this.slotEntry;
    let s = (Math.imul(w ^ Math.imul(sh, 0x85ebca6b) ^ Math.imul(f + suf, 0xc2b2ae35), 0x9e3779b1) >>> 10) & slotMask;
    for (;;) {
      const e = slotEntry[s]!;
      if (e < 0) break;
      const k = e * KEY;
      if (keys[k] === w && keys[k + 1] === sh && keys[k + 2] === f && keys[k + 3] === pre && keys[k + 4] === suf) return e;
      s = (s + 1) & slotMask;
    }
    const e = this.count++;
    slotEntry[s] = e;
    const k = e * KEY;
    keys[k] = w; keys[k + 1] = sh; keys[k + 2] = f; keys[k + 3] = pre; keys[k + 4] = suf;
    const sums = this.sums, base = e * STRIDE, feats = this.feats;
    sums.fill(0, base, base + STRIDE);
    let end = selfFeatures(buf, i, mask, feats, 0);
    this.addRows(feats, end, sums, base);
    const gw = buf.gazWord[i]!;
    for (let where = AT_PREV1; where <= AT_NEXT2; where++) {
      end = neighbourFeatures(w, sh, gw, where, mask, feats, 0);
      this.addRows(feats, end, sums, base + (1 + where) * L);
    }
    return e;
  }

  /** Labels of tokens [from, to) (article read and annotated), written to `this.labels[0 .. to-from)`. */
  labelSentence(from: number, to: number): void {
    const n = to - from;
    if (n > this.labels.length) {
      this.scores = new Float64Array(n * 2 * L);
      this.sumsOfSentence = new Int32Array(n * 2 * L);
      this.labels = new Uint8Array(n * 2);
      this.entry = new Int32Array(n * 2);
    }
    if (this.count + n > this.capacity) {
      let capacity = this.capacity;
      while (capacity < n + 1) capacity *= 2; // a power of two (slot masks)
      this.clearCache(capacity);
    }
    const mask = (1 << this.model.bits) - 1;
    const scores = this.sumsOfSentence, feats = this.feats, entry = this.entry, sums = this.sums, flagSums = this.flagSums;
    for (let t = 0; t < n; t++) entry[t] = this.entryOf(from + t, mask) * STRIDE;

    for (let t = 0; t < n; t++) {
      const base = t * L;
      const self = entry[t]!;
      const p1 = (t > 0 ? entry[t - 1]! : EDGE) + (1 + AT_PREV1) * L;
      const n1 = (t + 1 < n ? entry[t + 1]! : EDGE) + (1 + AT_NEXT1) * L;
      const p2 = (t > 1 ? entry[t - 2]! : EDGE) + (1 + AT_PREV2) * L;
      const n2 = (t + 2 < n ? entry[t + 2]! : EDGE) + (1 + AT_NEXT2) * L;
      const fl = this.flagEntryOf(from + t, from, to, mask);
      for (let l = 0; l < L; l++) scores[base + l] = sums[self + l]! + sums[p1 + l]! + sums[n1 + l]! + sums[p2 + l]! + sums[n2 + l]! + flagSums[fl + l]!;
      const end = pairFeatures(this.buf, from + t, from, to, mask, feats, 0);
      this.addRows(feats, end, scores, base);
    }
    const real = this.scores;
    for (let k = 0; k < n * L; k++) real[k] = scores[k]!;
    viterbi(real, n, this.model.transitionsQ, this.labels, this.vb);
  }

  /** Entities of the given sentences (all when omitted), in order. */
  tagArticle(text: string, tokens: readonly Token[], sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>, which?: readonly number[]): TokenSpan[] {
    const doc = prepareArticle(text, tokens, sentences, this.buf);
    const out: TokenSpan[] = [];
    const count = which ? which.length : sentences.length;
    for (let k = 0; k < count; k++) {
      const s = sentences[which ? which[k]! : k];
      if (!s || s.tokenEnd <= s.tokenStart) continue;
      annotateSentence(this.buf, s.tokenStart, s.tokenEnd, this.model.lexicons, doc);
      this.labelSentence(s.tokenStart, s.tokenEnd);
      for (const span of spansOf(this.labels, s.tokenEnd - s.tokenStart)) {
        out.push({ tokenStart: s.tokenStart + span.start, tokenEnd: s.tokenStart + span.end, type: span.type });
      }
    }
    return out;
  }
}
