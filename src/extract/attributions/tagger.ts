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
import { denseTable } from '../entities/ner/weights.js';
import {
  AttributionBuffer, CUE_LABELS, MAX_FEATURES_PER_TOKEN, NER_ORG, NER_OTHER, NER_PERSON, ROLE_CONTENT, ROLE_LABELS, labelOf,
  blockFeatures, markBlock, readAttributionArticle, roleSpans, type StageLabels, type TokenEvidence,
} from './features.js';
import type { AttributionModel, StageWeights } from './model.js';
import { createCueProposer, type CueProposal } from './cue-proposals.js';
import { BlockCounts, MAX_ROLE_FEATURES, roleFeatures, roleWindow } from './role-features.js';

// The scoring loops below are unrolled for the stages' label counts.
if (CUE_LABELS.L !== 3 || ROLE_LABELS.L !== 5) throw new Error('attribution tagger: scoring is written for 3 cue and 5 role labels');
/** Most labels of a stage (scratch sizes). */
const MAX_L = 5;
/**
 * Decoding biases of the role tagger, in weight units: a content fragment is a little harder to start and, from the
 * cue on, easier to continue than the trained weights say. The perceptron learns to separate, not to calibrate; on
 * five-fold cross-validation over PolNeAR train these gave +43 exact contents (fewer split fragments), source +14,
 * cue flat; the plateau runs from -20 to -40 for the start (docs/attributions.md). Before the cue, where contents are
 * mostly quotations closed by their marks, the continuation bias cost 16 exact contents over the five folds, so it
 * stops there. Tuned for the shipped model.
 */
const CONTENT_START_BIAS = -30, CONTENT_CONTINUE_BIAS = 10;
/** The role stage's labels that take those biases (features.ts ROLE_LABELS: O, B/I source, B/I content). */
const B_CONTENT = labelOf(ROLE_LABELS.roles.indexOf(ROLE_CONTENT), false), I_CONTENT = labelOf(ROLE_LABELS.roles.indexOf(ROLE_CONTENT), true);

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

/**
 * Label scores (n × 3) of n tokens from their features and the cue stage's dense table (3 labels a bucket, no
 * padding: the table is 6 bytes a bucket, so more of it stays in cache).
 */
function scoreCues(dense: Int16Array, feats: Int32Array, offsets: Int32Array, n: number, scores: Float64Array): void {
  for (let t = 0; t < n; t++) {
    let s0 = 0, s1 = 0, s2 = 0;
    for (let k = offsets[t]!, stop = offsets[t + 1]!; k < stop; k++) {
      const b = feats[k]! * 3;
      s0 += dense[b]!; s1 += dense[b + 1]!; s2 += dense[b + 2]!;
    }
    const o = t * 3;
    scores[o] = s0; scores[o + 1] = s1; scores[o + 2] = s2;
  }
}

/** The same for the role stage's 5 labels. */
function scoreRoles(dense: Int16Array, feats: Int32Array, offsets: Int32Array, n: number, scores: Float64Array): void {
  for (let t = 0; t < n; t++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    for (let k = offsets[t]!, stop = offsets[t + 1]!; k < stop; k++) {
      const b = feats[k]! * 5;
      s0 += dense[b]!; s1 += dense[b + 1]!; s2 += dense[b + 2]!; s3 += dense[b + 3]!; s4 += dense[b + 4]!;
    }
    const o = t * 5;
    scores[o] = s0; scores[o + 1] = s1; scores[o + 2] = s2; scores[o + 3] = s3; scores[o + 4] = s4;
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


/** Reusable scratch space (one per extractor; calls are synchronous). */
export class AttributionDecoder {
  readonly buf = new AttributionBuffer();
  readonly counts = new BlockCounts();
  private feats = new Int32Array(256 * MAX_FEATURES_PER_TOKEN);
  private offsets = new Int32Array(257);
  private scores = new Float64Array(256 * MAX_L);
  private labels = new Uint8Array(256);
  private delta = new Float64Array(256 * MAX_L);
  private back = new Uint8Array(256 * MAX_L);
  private readonly cueMask: number;
  private readonly roleMask: number;
  private readonly cueDense: Int16Array;
  private readonly roleDense: Int16Array;

  constructor(readonly model: AttributionModel) {
    this.cueMask = (1 << model.cue.bits) - 1;
    this.roleMask = (1 << model.role.bits) - 1;
    this.cueDense = denseTable(model.cue, CUE_LABELS.L);
    this.roleDense = denseTable(model.role, ROLE_LABELS.L);
  }

  private reserve(n: number): void {
    if (n <= this.labels.length) return;
    const size = Math.max(n, 2 * this.labels.length);
    this.feats = new Int32Array(size * Math.max(MAX_FEATURES_PER_TOKEN, MAX_ROLE_FEATURES));
    this.offsets = new Int32Array(size + 1);
    this.scores = new Float64Array(size * MAX_L);
    this.labels = new Uint8Array(size);
    this.delta = new Float64Array(size * MAX_L);
    this.back = new Uint8Array(size * MAX_L);
  }

  private decode(n: number, weights: StageWeights, stage: StageLabels, from: number): RoleSpan[] {
    constrainedViterbi(this.scores, n, stage.L, weights.transitionsQ, stage.allowed, stage.allowedEnd, this.labels, this.delta, this.back);
    return roleSpans(this.labels, n, stage).map((s) => ({ start: from + s.start, end: from + s.end, role: s.role }));
  }

  private readonly proposals = createCueProposer(this.buf);

  /** Adds the content decoding biases to the role scores of the n tokens from `from` (units of the table's scale), for a cue starting at `cueStart`. */
  private biasContent(n: number, from: number, cueStart: number): void {
    const start = CONTENT_START_BIAS / this.model.role.scale, more = CONTENT_CONTINUE_BIAS / this.model.role.scale, L = ROLE_LABELS.L;
    for (let t = 0; t < n; t++) {
      this.scores[t * L + B_CONTENT] = this.scores[t * L + B_CONTENT]! + start;
      if (from + t >= cueStart) this.scores[t * L + I_CONTENT] = this.scores[t * L + I_CONTENT]! + more;
    }
  }

  /** The cue tagger's cue spans of one range (after markBlock). */
  private tagCues(r: BlockRange): RoleSpan[] {
    const n = r.to - r.from;
    blockFeatures(this.buf, r.from, r.to, this.cueMask, this.feats, this.offsets);
    scoreCues(this.cueDense, this.feats, this.offsets, n, this.scores);
    return this.decode(n, this.model.cue, CUE_LABELS, r.from);
  }

  /**
   * Each range's cues with their source and content spans (token indexes into the layer), in order.
   * `givenCues` replaces the cue tagger (evaluations measure the role tagger on gold cues with it); `wordsRead`:
   * the caller has read the article's tokens into `this.buf.words` already.
   */
  tagArticle(text: string, layer: TextLayer, ranges: readonly BlockRange[], evidence: TokenEvidence, givenCues?: (range: BlockRange) => RoleSpan[], wordsRead = false): CueRoles[][] {
    readAttributionArticle(text, layer.tokens, layer.sentences, evidence, this.model, this.buf, wordsRead);
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
        scoreRoles(this.roleDense, this.feats, this.offsets, w.to - w.from, this.scores);
        this.biasContent(w.to - w.from, w.from, cue.start);
        const roles = this.decode(w.to - w.from, this.model.role, ROLE_LABELS, w.from);
        return frame ? { cue, origin, roles, frame } : { cue, origin, roles };
      });
    });
  }
}
