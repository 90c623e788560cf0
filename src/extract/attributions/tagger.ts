/**
 * Tagging an article's paragraphs with an attribution model, in two stages: the cue tagger labels each
 * paragraph block's cue spans (features.ts), then for each cue the role tagger labels the block's tokens
 * as that cue's SOURCE and CONTENT (role-features.ts). Both: label scores from the weight table,
 * constrained Viterbi (BIO), role spans in token indexes. Shared by the runtime extractor and the
 * trainer's held-out check.
 */
import type { Article } from '../../model/schema.js';
import type { TextLayer } from '../../text/types.js';
import type { NerMention } from '../entities/ner/index.js';
import { constrainedViterbi } from '../entities/ner/perceptron.js';
import {
  ALLOWED, ALLOWED_END, AttributionBuffer, MAX_FEATURES_PER_TOKEN, NER_ORG, NER_OTHER, NER_PERSON, NUM_LABELS,
  blockFeatures, markBlock, readAttributionArticle, roleSpans, type TokenEvidence,
} from './features.js';
import type { AttributionModel, StageWeights } from './model.js';
import { createCueProposer, type CueProposal } from './cue-proposals.js';
import { BlockCounts, MAX_ROLE_FEATURES, roleFeatures, roleWindow } from './role-features.js';

const L = NUM_LABELS;
/** Dense row stride (labels padded to 8: one row is 16 bytes, within one cache line). */
const STRIDE = 8;
// The scoring loop in tagArticle is unrolled for BIO's 7 labels.
if (L !== 7) throw new Error(`attribution tagger: the scoring loop is written for 7 labels, NUM_LABELS is ${L}`);

const denseCache = new WeakMap<StageWeights, Int16Array>();
/**
 * A stage's weights as a dense table (bucket × 8 labels, 16-bit, 2^bits × 16 bytes): one memory access
 * per feature instead of the sparse look-up's probe and row (built once per model).
 */
export function denseWeights(model: StageWeights): Int16Array {
  let dense = denseCache.get(model);
  if (dense) return dense;
  dense = new Int16Array((1 << model.bits) * STRIDE);
  const { rows, rowStart, labels, quantised } = model;
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * STRIDE;
    for (let e = rowStart[r]!, stop = rowStart[r + 1]!; e < stop; e++) dense[base + labels[e]!] = quantised[e]!;
  }
  denseCache.set(model, dense);
  return dense;
}

/** A run of sentences in one paragraph block: tokens [from, to), sentences [sentenceStart, sentenceEnd). */
export interface BlockRange {
  block: number;
  from: number;
  to: number;
  sentenceStart: number;
  sentenceEnd: number;
}

/** A decoded role span: tokens [start, end) into `layer.tokens`, role index into ROLES. */
export interface RoleSpan {
  start: number;
  end: number;
  role: number;
}

/** Where a cue came from: the cue tagger, or a proposal rule of cue-proposals.ts. */
export type CueOrigin = 'tagger' | CueProposal['origin'];

/** One cue span and the source and content spans the role tagger gave it (token indexes). */
export interface CueRoles {
  cue: RoleSpan;
  origin: CueOrigin;
  roles: RoleSpan[];
  /** What a proposal rule's construction fixes (cue-proposals.ts). */
  frame?: CueProposal['frame'];
}

/** Label scores (n × L) of n tokens from their features and a dense table (unrolled for BIO's 7 labels). */
function scoreTokens(dense: Int16Array, feats: Int32Array, offsets: Int32Array, n: number, scores: Float64Array): void {
  for (let t = 0; t < n; t++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let k = offsets[t]!, stop = offsets[t + 1]!; k < stop; k++) {
      const b = feats[k]! * STRIDE;
      s0 += dense[b]!; s1 += dense[b + 1]!; s2 += dense[b + 2]!; s3 += dense[b + 3]!; s4 += dense[b + 4]!; s5 += dense[b + 5]!; s6 += dense[b + 6]!;
    }
    const o = t * L;
    scores[o] = s0; scores[o + 1] = s1; scores[o + 2] = s2; scores[o + 3] = s3; scores[o + 4] = s4; scores[o + 5] = s5; scores[o + 6] = s6;
  }
}

/** The paragraph blocks' token ranges (headings, captions, credits and boilerplate are left out). */
export function paragraphRanges(article: Pick<Article, 'blocks'>, layer: TextLayer): BlockRange[] {
  const out: BlockRange[] = [];
  layer.sentences.forEach((s, k) => {
    if ((article.blocks[s.block]?.kind ?? 'paragraph') !== 'paragraph' || s.tokenEnd <= s.tokenStart) return;
    const last = out[out.length - 1];
    if (last && last.block === s.block && last.sentenceEnd === k) { last.to = s.tokenEnd; last.sentenceEnd = k + 1; }
    else out.push({ block: s.block, from: s.tokenStart, to: s.tokenEnd, sentenceStart: k, sentenceEnd: k + 1 });
  });
  return out;
}

/** Per-token NER evidence (NER_* by token) from the tagger's mentions. */
export function nerByToken(mentions: readonly NerMention[], tokens: number): Uint8Array {
  const out = new Uint8Array(tokens);
  for (const m of mentions) {
    const v = m.type === 'person' ? NER_PERSON : m.type === 'organization' ? NER_ORG : NER_OTHER;
    for (let i = m.tokenStart; i < m.tokenEnd; i++) out[i] = v;
  }
  return out;
}

const ROLE_CUE = 1;

/** Reusable scratch space (one per extractor; calls are synchronous). */
export class AttributionDecoder {
  readonly buf = new AttributionBuffer();
  readonly counts = new BlockCounts();
  private feats = new Int32Array(256 * MAX_FEATURES_PER_TOKEN);
  private offsets = new Int32Array(257);
  private scores = new Float64Array(256 * L);
  private labels = new Uint8Array(256);
  private delta = new Float64Array(256 * L);
  private back = new Uint8Array(256 * L);
  private readonly cueMask: number;
  private readonly roleMask: number;
  private readonly cueDense: Int16Array;
  private readonly roleDense: Int16Array;

  constructor(readonly model: AttributionModel) {
    this.cueMask = (1 << model.cue.bits) - 1;
    this.roleMask = (1 << model.role.bits) - 1;
    this.cueDense = denseWeights(model.cue);
    this.roleDense = denseWeights(model.role);
  }

  private reserve(n: number): void {
    if (n <= this.labels.length) return;
    const size = Math.max(n, 2 * this.labels.length);
    this.feats = new Int32Array(size * Math.max(MAX_FEATURES_PER_TOKEN, MAX_ROLE_FEATURES));
    this.offsets = new Int32Array(size + 1);
    this.scores = new Float64Array(size * L);
    this.labels = new Uint8Array(size);
    this.delta = new Float64Array(size * L);
    this.back = new Uint8Array(size * L);
  }

  private decode(n: number, weights: StageWeights, from: number): RoleSpan[] {
    constrainedViterbi(this.scores, n, L, weights.transitionsQ, ALLOWED, ALLOWED_END, this.labels, this.delta, this.back);
    return roleSpans(this.labels, n).map((s) => ({ start: from + s.start, end: from + s.end, role: s.role }));
  }

  private readonly proposals = createCueProposer(this.buf);

  /** The cue tagger's cue spans of one range (after markBlock). */
  private tagCues(r: BlockRange): RoleSpan[] {
    const n = r.to - r.from;
    blockFeatures(this.buf, r.from, r.to, this.cueMask, this.feats, this.offsets);
    scoreTokens(this.cueDense, this.feats, this.offsets, n, this.scores);
    return this.decode(n, this.model.cue, r.from).filter((s) => s.role === ROLE_CUE);
  }

  /**
   * Each range's cues with their source and content spans (token indexes into the layer), in order.
   * `givenCues` replaces the cue tagger (evaluations measure the role tagger on gold cues with it).
   */
  tagArticle(text: string, layer: TextLayer, ranges: readonly BlockRange[], evidence: TokenEvidence, givenCues?: (range: BlockRange) => RoleSpan[]): CueRoles[][] {
    readAttributionArticle(text, layer.tokens, layer.sentences, evidence, this.model.cues, this.buf);
    return ranges.map((r) => {
      const n = r.to - r.from;
      this.reserve(n);
      markBlock(this.buf, r.from, r.to);
      const cues: Array<{ span: RoleSpan; origin: CueOrigin; frame?: CueProposal['frame'] }> = (givenCues ? givenCues(r) : this.tagCues(r)).map((span) => ({ span, origin: 'tagger' }));
      if (!givenCues) {
        for (const p of this.proposals(text, layer, r, cues.map((c) => c.span))) cues.push({ span: { start: p.start, end: p.end, role: p.role }, origin: p.origin, ...(p.frame ? { frame: p.frame } : {}) });
        cues.sort((a, b) => a.span.start - b.span.start);
      }
      return cues.map(({ span: cue, origin, frame }) => {
        const w = roleWindow(this.buf, layer.sentences, r, cue.start);
        this.counts.fill(this.buf, w.from, w.to);
        roleFeatures(this.buf, this.counts, cue.start, cue.end, this.roleMask, this.feats, this.offsets);
        scoreTokens(this.roleDense, this.feats, this.offsets, w.to - w.from, this.scores);
        const roles = this.decode(w.to - w.from, this.model.role, w.from).filter((s) => s.role !== ROLE_CUE);
        return frame ? { cue, origin, roles, frame } : { cue, origin, roles };
      });
    });
  }
}
