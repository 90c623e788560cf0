/**
 * Features of the second stage of the attribution tagger: given one cue, which tokens of its paragraph
 * are that cue's SOURCE and CONTENT. Every feature is read relative to the cue — the side of the cue a
 * token is on, how far, how many sentences, commas, quotation marks and other cue words lie between,
 * which cue it is and which words frame it — so the tagger can learn where a cue's content begins and
 * ends ("said that …" starts after "that"; "…, sources said" ends at the comma), and one token can be
 * content of one cue and source of another.
 *
 * Uses the per-token data of features.ts (AttributionBuffer after readAttributionArticle and markBlock).
 */
import { mix } from '../entities/ner/hash.js';
import { F_ALLCAPS, F_CAP, F_NOLETTER, hashWord } from '../entities/ner/features.js';
import { FINITE_OR_MODAL_TAGS, tagIndex } from '../pos/tags.js';
import { cueForms } from '../../lexicon/cues.js';
import { BE_FORMS, RAISING_VERB_LEMMAS } from './lexicon.js';
import { coarseOf, fineOf } from '../word-clusters/index.js';
import { A_CUE, A_IN_QUOTE, A_PRONOUN, A_QUOTE_CLOSE, A_QUOTE_OPEN, A_SENT_END, A_SENT_START, type AttributionBuffer } from './features.js';

/** Upper bound of role features per token. */
export const MAX_ROLE_FEATURES = 52;

/** Which side of the cue a token is on. */
const BEFORE = 0, AFTER = 1, INSIDE = 2;

const H_COMMA = hashWord(',');
const H_COLON = hashWord(':');
const H_SEMICOLON = hashWord(';');
// Dashes read as '-' in word hashes: "—", "–", "--".
const H_DASH = hashWord('-');
const H_DASHES = hashWord('--');
const VBN = tagIndex('VBN');
const BE: ReadonlySet<number> = new Set(BE_FORMS.map(hashWord));
const RAISING: ReadonlySet<number> = new Set(Array.from(cueForms(RAISING_VERB_LEMMAS), hashWord));

/** A cue's voice: the subject of a passive or raising cue is mostly part of its content, not its source (PolNeAR train: 70 % of passive cues' contents start before the cue, 23 % have a source there). */
export const ACTIVE = 0, PASSIVE = 1, RAISING_CUE = 2;
export function cueVoice(buf: AttributionBuffer, cueStart: number, cueEnd: number, from: number): number {
  const word = buf.words.word, pos = buf.pos;
  for (let i = cueStart; i < cueEnd; i++) {
    if (RAISING.has(word[i]!)) return RAISING_CUE;
    if (pos[i] === VBN && ((i - 1 >= from && BE.has(word[i - 1]!)) || (i - 2 >= from && BE.has(word[i - 2]!)))) return PASSIVE;
  }
  return ACTIVE;
}

/** Per-block counts the role features read, computed once per block and shared by its cues. */
export class BlockCounts {
  /** Prefix counts over the block (index t - from, length n + 1): cue words, commas, quotation marks, clause breaks (; — –), finite verbs. */
  cues = new Int32Array(257);
  commas = new Int32Array(257);
  quotes = new Int32Array(257);
  breaks = new Int32Array(257);
  verbs = new Int32Array(257);
  from = 0;
  to = 0;

  fill(buf: AttributionBuffer, from: number, to: number): void {
    const n = to - from;
    if (this.cues.length < n + 1) {
      const size = Math.max(n + 1, 2 * this.cues.length);
      this.cues = new Int32Array(size);
      this.commas = new Int32Array(size);
      this.quotes = new Int32Array(size);
      this.breaks = new Int32Array(size);
      this.verbs = new Int32Array(size);
    }
    const word = buf.words.word, attr = buf.attr, pos = buf.pos;
    this.from = from;
    this.to = to;
    for (let i = from; i < to; i++) {
      const k = i - from, a = attr[i]!, w = word[i]!;
      this.cues[k + 1] = this.cues[k]! + (a & A_CUE ? 1 : 0);
      this.commas[k + 1] = this.commas[k]! + (w === H_COMMA || w === H_COLON ? 1 : 0);
      this.quotes[k + 1] = this.quotes[k]! + (a & (A_QUOTE_OPEN | A_QUOTE_CLOSE) ? 1 : 0);
      this.breaks[k + 1] = this.breaks[k]! + (w === H_SEMICOLON || w === H_DASH || w === H_DASHES ? 1 : 0);
      // A second finite verb or modal between a token and the cue suggests another clause.
      this.verbs[k + 1] = this.verbs[k]! + (FINITE_OR_MODAL_TAGS.has(pos[i]!) ? 1 : 0);
    }
  }
}

/** Sentences before the cue's that the role tagger reads: quotations closed by a cue run back a few (-2 holds 99.7 % of PolNeAR train's fragments). */
export const DEFAULT_SENTENCES_BEFORE = 2;
/** …and after it ("He said: …" and the quotation's next sentences; +3 holds 99.4 %). */
export const DEFAULT_SENTENCES_AFTER = 3;

/**
 * The tokens [from, to) the role tagger reads for a cue starting at token `cueStart`: the sentences of its
 * paragraph range around the cue's, so that a paragraph-less page (one block of many sentences) costs no more
 * per cue than a paragraph, and no cue takes content from far away.
 */
export function roleWindow(buf: AttributionBuffer, sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>, range: { sentenceStart: number; sentenceEnd: number }, cueStart: number): { from: number; to: number } {
  const k = buf.sentence[cueStart]!;
  const first = Math.max(range.sentenceStart, k - DEFAULT_SENTENCES_BEFORE), last = Math.min(range.sentenceEnd - 1, k + DEFAULT_SENTENCES_AFTER);
  return { from: sentences[first]!.tokenStart, to: sentences[last]!.tokenEnd };
}

/** 0, 1, 2+ */
const few = (n: number): number => (n > 2 ? 2 : n);
/** Distance bucket: 1, 2, 3, 4–5, 6–9, 10–19, 20–39, 40+. */
const bucket = (d: number): number => (d <= 3 ? d : d <= 5 ? 4 : d <= 9 ? 5 : d <= 19 ? 6 : d <= 39 ? 7 : 8);

const BOS = 0x3d1, EOS = 0x3d2;

/**
 * Feature buckets of every token of the block [from, to) (after markBlock and counts.fill) for the cue
 * at tokens [cueStart, cueEnd); token t's at feats[offsets[t - from] .. offsets[t - from + 1]).
 * Returns the number written.
 */
export function roleFeatures(buf: AttributionBuffer, counts: BlockCounts, cueStart: number, cueEnd: number, mask: number, feats: Int32Array, offsets: Int32Array): number {
  const from = counts.from, to = counts.to;
  const { word, shape, suf, flags } = buf.words;
  const attr = buf.attr, ner = buf.ner, sent = buf.sentence, pos = buf.pos;
  OUT = feats; AT = 0; MASK = mask; FROM = from; TO = to; WORD = word;
  const cueWord = word[cueEnd - 1]!;
  const cueFirst = word[cueStart]!;
  const cueSentence = sent[cueStart]!;
  const before = w(cueStart - 1), after = w(cueEnd), after2 = w(cueEnd + 1);
  const posAfter = cueEnd < to ? pos[cueEnd]! : EOS, posBefore = cueStart > from ? pos[cueStart - 1]! : BOS;
  const cueQuoted = attr[cueStart]! & A_IN_QUOTE ? 1 : 0;
  const cueSentenceStart = attr[cueStart]! & A_SENT_START ? 1 : 0;
  const voice = cueVoice(buf, cueStart, cueEnd, from);
  const cueCluster = fineOf(buf.cluster[cueEnd - 1]!);
  const cc = counts.cues, cm = counts.commas, cq = counts.quotes, cb = counts.breaks, cv = counts.verbs;
  for (let i = from; i < to; i++) {
    offsets[i - from] = AT;
    const dir = i < cueStart ? BEFORE : i >= cueEnd ? AFTER : INSIDE;
    if (dir === INSIDE) { put(1, INSIDE); continue; }
    // Tokens strictly between i and the cue.
    const lo = dir === BEFORE ? i + 1 - from : cueEnd - from, hi = dir === BEFORE ? cueStart - from : i - from;
    const dist = dir === BEFORE ? cueStart - i : i - cueEnd + 1;
    const db = bucket(dist);
    const cuesBetween = few(cc[hi]! - cc[lo]!), commasBetween = few(cm[hi]! - cm[lo]!), quotesBetween = few(cq[hi]! - cq[lo]!);
    let so = sent[i]! - cueSentence;
    so = so < -2 ? -2 : so > 2 ? 2 : so;
    const a = attr[i]!;
    const q = a & (A_IN_QUOTE | A_QUOTE_OPEN | A_QUOTE_CLOSE);
    const caps = flags[i]! & (F_CAP | F_ALLCAPS | F_NOLETTER);
    const wi = word[i]!;
    put(1, dir, db); put(2, dir, db, wi); put(3, dir, wi); put(4, dir, w(i - 1)); put(5, dir, w(i + 1));
    put(6, dir, mix(w(i - 1), wi)); put(7, dir, mix(wi, w(i + 1))); put(8, dir, shape[i]!); put(9, dir, suf[i * 4 + 2]!);
    put(10, dir, so, q); put(11, dir, so, db); put(12, dir, cuesBetween, so); put(13, dir, commasBetween, so);
    put(14, dir, quotesBetween, q); put(15, dir, db, cueWord); put(16, dir, cueWord, wi);
    put(17, dir, ner[i]!, db); put(18, dir, a & A_PRONOUN, db); put(19, dir, a & (A_SENT_START | A_SENT_END), so);
    put(20, dir, caps, db); put(21, dir, ner[i]!, mix(ner[i - 1] ?? 0, ner[i + 1] ?? 0)); put(22, dir, w(i - 2)); put(23, dir, w(i + 2));
    put(24, dir, a & A_CUE, cuesBetween); put(25, dir, q, wi); put(26, dir, db, after); put(27, dir, db, before);
    put(28, dir, mix(after, after2), so === 0 ? db : 0); put(29, dir, cueQuoted, q); put(30, dir, cueSentenceStart, mix(so, db));
    put(31, dir, commasBetween, mix(cuesBetween, quotesBetween)); put(32, dir, cueFirst, db);
    put(33, dir, q, mix(quotesBetween, commasBetween)); put(34, dir, shape[i]!, db);
    const p = pos[i]!, pp = i > from ? pos[i - 1]! : BOS, pn = i + 1 < to ? pos[i + 1]! : EOS;
    put(35, dir, p, db); put(36, dir, pp, p); put(37, dir, p, pn); put(38, dir, p, so); put(39, dir, mix(pp, p), pn);
    put(40, dir, p, posAfter); put(41, dir, p, posBefore); put(42, dir, p, wi);
    const breaksBetween = few(cb[hi]! - cb[lo]!), verbsBetween = few(cv[hi]! - cv[lo]!);
    put(43, dir, breaksBetween, mix(so, q)); put(44, dir, verbsBetween, mix(commasBetween, so)); put(45, dir, verbsBetween, p);
    put(46, dir, voice, db); put(47, dir, voice, mix(so, commasBetween)); put(48, dir, voice, mix(p, verbsBetween));
    const k = buf.cluster[i]!;
    put(49, dir, coarseOf(k), db); put(50, dir, fineOf(k)); put(51, dir, cueCluster, mix(coarseOf(k), so));
  }
  offsets[to - from] = AT;
  OUT = EMPTY; WORD = EMPTY;
  return AT;
}

// roleFeatures' state while it runs (module-level, so no closure is made per token).
const EMPTY = new Int32Array(0);
let OUT: Int32Array = EMPTY, AT = 0, MASK = 0, FROM = 0, TO = 0, WORD: Int32Array = EMPTY;
function put(template: number, a: number, b = 0, c = 0): void { OUT[AT++] = mix(mix(Math.imul(template + 100, GOLDEN) ^ a, b), c) & MASK; }
/** Spreads template ids over the hash space, so one mix round less per feature is needed. */
const GOLDEN = 0x9e3779b1;
function w(i: number): number { return i < FROM ? BOS : i >= TO ? EOS : WORD[i]!; }
