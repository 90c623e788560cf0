/**
 * Feature extraction for the NER tagger, shared by training and inference so the two can never drift.
 *
 * Everything is integer hashing: each token is read once (char codes, no per-feature strings) into a
 * few 32-bit hashes (lower-cased word, shape, prefixes, suffixes) and flags; a feature is a template
 * id mixed with one or more of those values, reduced to a bucket of the weight table. Curly quotes,
 * apostrophes and dashes are read as their ASCII forms and digits as `0`, so CoNLL-style tokens
 * (`'s`, `"`) and real news tokens (`’s`, `“`) give the same features.
 */
import type { Token } from '../../../text/types.js';
import { mix } from './hash.js';
import { IntSet, type IntMap } from './intmap.js';

/** Entity types the model knows, in label order. PER→person, ORG→organization, LOC→place, MISC→other. */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** BILOU labels: 0 is O; type t has B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t. */
export const NUM_LABELS = 1 + 4 * ENTITY_TYPES.length;
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;
export const label = (type: number, pos: number): number => 1 + 4 * type + pos;
export const labelType = (l: number): number => (l - 1) >> 2;
export const labelPos = (l: number): number => (l - 1) & 3;

export { mix } from './hash.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const fnv = (h: number, c: number): number => Math.imul(h ^ c, 16777619);

/** Hash of a whole lower-cased, normalised word string (used to build the gazetteer from strings). */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = fnv(h, wordChar(normChar(word.charCodeAt(i))));
  return h;
}

/** Curly quotes, primes and dashes → ASCII; everything else unchanged. */
function normChar(c: number): number {
  if (c < 0x80) return c;
  switch (c) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x00b4: case 0x0060:
      return 0x27; // '
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0x00ab: case 0x00bb:
      return 0x22; // "
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return 0x2d; // -
    default:
      return c;
  }
}

const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c <= 0xde) || (c > 0xff && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c));
const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c !== 0xf7 && c <= 0xff) || (c > 0xff && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c));
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The char as it counts in the word hash: lower-cased, digits as 0. */
function wordChar(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return 48;
  if (c < 0x80) return c;
  const s = String.fromCharCode(c).toLowerCase();
  return s.length === 1 ? s.charCodeAt(0) : c;
}

// Token flags.
export const F_CAP = 1; // first letter upper-case: "Labour"
export const F_ALLCAPS = 2; // letters all upper-case, at least two: "UN", "LONDON"
export const F_LOWER = 4; // has a lower-case letter
export const F_DIGIT = 8;
export const F_HYPHEN = 16;
export const F_PERIOD = 32;
export const F_NOLETTER = 64; // punctuation, numbers
export const F_INITIAL = 128; // first token of the sentence (or after an opening quote there)
export const F_CAPSLINE = 256; // the sentence is an ALL-CAPS headline line
export const F_SHORT = 512; // one letter: "J", "A."

/** Per-token hashes and flags of one article (indexed by token), grown as needed and reused. */
export class ArticleBuffer {
  n = 0;
  word = new Int32Array(256);
  shape = new Int32Array(256);
  pre = new Int32Array(256 * 4);
  suf = new Int32Array(256 * 4);
  len = new Int32Array(256);
  flags = new Int32Array(256);
  gazWord = new Int32Array(256);
  gazPhrase = new Int32Array(256);
  doc = new Int32Array(256);
  /** The article's casing evidence (prepareArticle), reused from article to article. */
  readonly context: DocContext = { lower: new IntSet(), title: new IntSet() };

  reserve(n: number): void {
    this.n = n;
    if (n <= this.word.length) return;
    const size = Math.max(n, this.word.length * 2);
    this.word = new Int32Array(size);
    this.shape = new Int32Array(size);
    this.pre = new Int32Array(size * 4);
    this.suf = new Int32Array(size * 4);
    this.len = new Int32Array(size);
    this.flags = new Int32Array(size);
    this.gazWord = new Int32Array(size);
    this.gazPhrase = new Int32Array(size);
    this.doc = new Int32Array(size);
  }
}

/**
 * Reads token `k` of the sentence into the buffer at index i: word hash, shape hash (X/x/d classes,
 * runs collapsed: "Xx", "X.X.", "d-d-d"), prefix and suffix hashes (1–4), flags.
 */
function readToken(text: string, token: Token, buf: ArticleBuffer, i: number): void {
  let h = FNV_OFFSET;
  let shape = FNV_OFFSET;
  let lastClass = -1;
  let uppers = 0;
  let lowers = 0;
  let digits = 0;
  let flags = 0;
  let first = -1;
  const n = token.end - token.start;
  for (let k = 0; k < n; k++) {
    const c = normChar(text.charCodeAt(token.start + k));
    h = fnv(h, wordChar(c));
    if (k < 4) buf.pre[i * 4 + k] = h;
    let cls: number;
    if (isUpper(c)) { cls = 1; uppers++; if (first < 0) first = 1; }
    else if (isLower(c)) { cls = 2; lowers++; if (first < 0) first = 2; }
    else if (isDigit(c)) { cls = 3; digits++; }
    else {
      cls = 16 + c;
      if (c === 0x2d) flags |= F_HYPHEN;
      else if (c === 0x2e) flags |= F_PERIOD;
    }
    if (cls !== lastClass) shape = fnv(shape, cls);
    lastClass = cls;
  }
  for (let k = n; k < 4; k++) buf.pre[i * 4 + k] = 0;
  // Suffixes: hashes of the last 1..4 chars, read backwards.
  let s = FNV_OFFSET ^ 0x5bd1e995;
  for (let k = 0; k < 4; k++) {
    if (k < n) {
      s = fnv(s, wordChar(normChar(text.charCodeAt(token.end - 1 - k))));
      buf.suf[i * 4 + k] = s;
    } else buf.suf[i * 4 + k] = 0;
  }
  if (first === 1) flags |= F_CAP;
  if (uppers >= 2 && lowers === 0) flags |= F_ALLCAPS;
  if (lowers > 0) flags |= F_LOWER;
  if (digits > 0) flags |= F_DIGIT;
  if (uppers + lowers === 0) flags |= F_NOLETTER;
  if (uppers + lowers === 1) flags |= F_SHORT;
  buf.word[i] = h;
  buf.shape[i] = mix(shape, n > 4 ? 5 : n);
  buf.len[i] = n;
  buf.flags[i] = flags;
}

/** Gazetteer and vocabulary read from the training data (all keys are word or phrase hashes). */
export interface Lexicons {
  /** Word hash → bits 0–3: seen inside a PER/ORG/LOC/MISC span; bit 4: inside an entity at least half the times seen. */
  words: IntMap;
  /** Phrase hash (words mixed in order) → bits 0–3: a whole entity of that type; bit 8: prefix of a longer one. */
  phrases: IntMap;
  /** Words seen written all lower-case in the training text (at least twice). */
  lowerVocab: IntMap;
}
export const PHRASE_PREFIX = 256;
export const MAX_PHRASE = 8;
export const PHRASE_SEED = 0x2545f491;

/** Per-document casing evidence: which words appear lower-case, and which Capitalised mid-sentence. */
export interface DocContext {
  lower: IntSet;
  title: IntSet;
}

export const DOC_LOWER = 1; // the word appears all lower-case elsewhere in the document
export const DOC_TITLE = 2; // the word appears Capitalised mid-sentence (not in a caps line) elsewhere

/** A sentence is a headline line when most of its words (at least two) are all upper-case. */
export const DEFAULT_CAPS_LINE_SHARE = 0.6;

/** Reads every token of an article into `buf` (hashes and the token's own flags). */
export function readArticle(text: string, tokens: readonly Token[], buf: ArticleBuffer): void {
  buf.reserve(tokens.length);
  for (let i = 0; i < tokens.length; i++) readToken(text, tokens[i]!, buf, i);
}

/** Adds the sentence flags (initial token, headline line) to tokens [from, to); call once per sentence. */
export function markSentence(buf: ArticleBuffer, from: number, to: number): void {
  let words = 0;
  let caps = 0;
  for (let i = from; i < to; i++) {
    const f = buf.flags[i]!;
    if (!(f & F_NOLETTER)) {
      words++;
      if (f & F_ALLCAPS || (f & F_SHORT && f & F_CAP)) caps++;
    }
  }
  const capsLine = words >= 2 && caps >= DEFAULT_CAPS_LINE_SHARE * words ? F_CAPSLINE : 0;
  let initial = true;
  for (let i = from; i < to; i++) {
    let f = buf.flags[i]! | capsLine;
    if (initial) f |= F_INITIAL;
    // Stay "initial" across opening quotes and dashes: `" We` starts the sentence at We.
    initial = initial && (f & F_NOLETTER) !== 0 && (f & F_DIGIT) === 0;
    buf.flags[i] = f;
  }
}

/** Gazetteer and document features of tokens [from, to) (after markSentence). */
export function annotateSentence(buf: ArticleBuffer, from: number, to: number, lex: Lexicons, doc: DocContext | null): void {
  for (let i = from; i < to; i++) {
    const f = buf.flags[i]!;
    const w = buf.word[i]!;
    buf.gazWord[i] = lex.words.get(w);
    let d = 0;
    if (doc && !(f & F_NOLETTER)) {
      if (doc.lower.has(w)) d |= DOC_LOWER;
      if (doc.title.has(w)) d |= DOC_TITLE;
    }
    if (lex.lowerVocab.has(w)) d |= 4;
    buf.doc[i] = d;
    buf.gazPhrase[i] = 0;
  }
  // Phrase gazetteer: the longest known entity starting at each token marks its tokens B/I/L/U per type.
  for (let i = from; i < to; i++) {
    if (buf.flags[i]! & F_NOLETTER && !(buf.flags[i]! & F_DIGIT)) continue;
    let h = PHRASE_SEED;
    let bestLen = 0;
    let bestMask = 0;
    for (let j = i; j < to && j - i < MAX_PHRASE; j++) {
      h = mix(h, buf.word[j]!);
      const v = lex.phrases.get(h, -1);
      if (v < 0) break;
      if (v & 15) { bestLen = j - i + 1; bestMask = v & 15; }
      if (!(v & PHRASE_PREFIX)) break;
    }
    if (bestLen === 0) continue;
    for (let t = 0; t < 4; t++) {
      if (!(bestMask & (1 << t))) continue;
      for (let j = i; j < i + bestLen; j++) {
        const pos = bestLen === 1 ? POS_U : j === i ? POS_B : j === i + bestLen - 1 ? POS_L : POS_I;
        buf.gazPhrase[j] = buf.gazPhrase[j]! | (1 << (t * 4 + pos));
      }
    }
  }
}

/**
 * Reads an article: tokens, sentence flags of every sentence, and the document casing evidence.
 * Then annotateSentence + tokenFeatures per sentence to be tagged.
 */
export function prepareArticle(text: string, tokens: readonly Token[], sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>, buf: ArticleBuffer): DocContext {
  readArticle(text, tokens, buf);
  for (const s of sentences) markSentence(buf, s.tokenStart, s.tokenEnd);
  const { lower, title } = buf.context;
  lower.clear();
  title.clear();
  for (let i = 0; i < tokens.length; i++) {
    const f = buf.flags[i]!;
    if (f & F_NOLETTER) continue;
    if (!(f & (F_CAP | F_ALLCAPS))) lower.add(buf.word[i]!);
    else if (f & F_CAP && f & F_LOWER && !(f & (F_INITIAL | F_CAPSLINE))) title.add(buf.word[i]!);
  }
  return buf.context;
}

// Feature templates: each is a distinct seed mixed with its values.
const T = (k: number): number => mix(0x3c6ef372, k);
const T_BIAS = T(1), T_W = T(2), T_WM1 = T(3), T_WP1 = T(4), T_WM2 = T(5), T_WP2 = T(6);
const T_S = T(7), T_SM1 = T(8), T_SP1 = T(9), T_SM2 = T(10), T_SP2 = T(11);
const T_PRE = T(12), T_SUF = T(13), T_WW_L = T(14), T_WW_R = T(15), T_SSS = T(16);
const T_FLAGS = T(17), T_GW = T(18), T_GWM1 = T(19), T_GWP1 = T(20), T_GP = T(21), T_DOC = T(22);
const T_WM1_S = T(23), T_S_WP1 = T(24), T_W_CAPS = T(25), T_FLAGS3 = T(26), T_GW_F = T(27), T_DOC_GW = T(28);
const BOS = 0x1b873593, EOS = 0x0e6546b6;
const FLAG_MASK_CAPS = F_CAP | F_ALLCAPS | F_LOWER | F_NOLETTER | F_CAPSLINE | F_INITIAL;

/** Number of feature buckets written per token at most. */
export const MAX_FEATURES_PER_TOKEN = 64;

/**
 * Token i's features that depend on the token alone (its hashes, its flags, its gazetteer word bits):
 * the same for every occurrence of the same token with the same flags, so the tagger can cache their
 * weights per token. Writes buckets (hashes & mask) into out from `at`; returns the new offset.
 */
export function selfFeatures(buf: ArticleBuffer, i: number, mask: number, out: Int32Array, at: number): number {
  const w = buf.word[i]!, f = buf.flags[i]!;
  const caseFlags = f & FLAG_MASK_CAPS;
  out[at++] = T_BIAS & mask;
  out[at++] = mix(T_W, w) & mask;
  out[at++] = mix(T_S, buf.shape[i]!) & mask;
  const len = buf.len[i]!;
  for (let k = 0; k < 4 && k < len; k++) {
    out[at++] = mix(T_PRE + k, buf.pre[i * 4 + k]!) & mask;
    out[at++] = mix(T_SUF + k, buf.suf[i * 4 + k]!) & mask;
  }
  out[at++] = mix(T_FLAGS, f) & mask;
  // In a headline line the casing says nothing; the word itself, marked as such, still does.
  if (f & F_CAPSLINE) out[at++] = mix(T_W_CAPS, w) & mask;
  const gw = buf.gazWord[i]!;
  out[at++] = mix(T_GW, gw) & mask;
  out[at++] = mix(mix(T_GW_F, gw), caseFlags) & mask;
  return at;
}

/** Where a neighbour stands relative to the token whose features it gives. */
export const AT_PREV1 = 0, AT_NEXT1 = 1, AT_PREV2 = 2, AT_NEXT2 = 3;
/** The neighbour values past the sentence's edges: [word, shape, gazetteer bits] at AT_PREV*, AT_NEXT*. */
export const BOUNDARY: ReadonlyArray<readonly [number, number, number]> = [[BOS, BOS, 1 << 20], [EOS, EOS, 1 << 20], [BOS, BOS, 0], [EOS, EOS, 0]];

/**
 * The features a neighbour (word hash w, shape hash s, gazetteer bits gw) gives the token at distance
 * `at` (AT_PREV1: the neighbour is token i−1, …); past the sentence's edges, pass BOUNDARY[at].
 */
export function neighbourFeatures(w: number, s: number, gw: number, where: number, mask: number, out: Int32Array, at: number): number {
  switch (where) {
    case AT_PREV1:
      out[at++] = mix(T_WM1, w) & mask;
      out[at++] = mix(T_SM1, s) & mask;
      out[at++] = mix(T_GWM1, gw) & mask;
      break;
    case AT_NEXT1:
      out[at++] = mix(T_WP1, w) & mask;
      out[at++] = mix(T_SP1, s) & mask;
      out[at++] = mix(T_GWP1, gw) & mask;
      break;
    case AT_PREV2:
      out[at++] = mix(T_WM2, w) & mask;
      out[at++] = mix(T_SM2, s) & mask;
      break;
    default:
      out[at++] = mix(T_WP2, w) & mask;
      out[at++] = mix(T_SP2, s) & mask;
  }
  return at;
}

/** Token i's features that join it with its neighbours' words and shapes, and the phrase gazetteer (not cached). */
export function pairFeatures(buf: ArticleBuffer, i: number, from: number, to: number, mask: number, out: Int32Array, at: number): number {
  const W = buf.word, S = buf.shape;
  const w = W[i]!, s = S[i]!, f = buf.flags[i]!;
  const wm1 = i > from ? W[i - 1]! : BOS, wp1 = i + 1 < to ? W[i + 1]! : EOS;
  const sm1 = i > from ? S[i - 1]! : BOS, sp1 = i + 1 < to ? S[i + 1]! : EOS;
  out[at++] = mix(mix(T_WW_L, wm1), w) & mask;
  out[at++] = mix(mix(T_WW_R, w), wp1) & mask;
  out[at++] = mix(mix(mix(T_SSS, sm1), s), sp1) & mask;
  out[at++] = mix(mix(T_WM1_S, wm1), s) & mask;
  out[at++] = mix(mix(T_S_WP1, s), wp1) & mask;
  const gp = buf.gazPhrase[i]!;
  if (gp) {
    const capped = f & (F_CAP | F_ALLCAPS) ? 1 << 16 : 0;
    for (let b = 0; b < 16; b++) if (gp & (1 << b)) out[at++] = mix(T_GP, b | capped) & mask;
  }
  return at;
}

/** The casing of token i and its neighbours (FLAG_MASK_CAPS bits; 1 << 20 / 1 << 21 past the edges), for flagFeatures. */
export const casePrev = (buf: ArticleBuffer, i: number, from: number): number => (i > from ? buf.flags[i - 1]! & FLAG_MASK_CAPS : 1 << 20);
export const caseNext = (buf: ArticleBuffer, i: number, to: number): number => (i + 1 < to ? buf.flags[i + 1]! & FLAG_MASK_CAPS : 1 << 21);
export const caseOf = (buf: ArticleBuffer, i: number): number => buf.flags[i]! & FLAG_MASK_CAPS;

/**
 * Token i's features from small sets of values (a few thousand combinations in all, so the tagger
 * caches their weights by value): casing of the token and its neighbours (fm1, cf, fp1 from
 * casePrev, caseOf, caseNext), document bits d (buf.doc) and gazetteer word bits gw (buf.gazWord).
 */
export function flagFeatures(fm1: number, cf: number, fp1: number, d: number, gw: number, mask: number, out: Int32Array, at: number): number {
  out[at++] = mix(mix(mix(T_FLAGS3, fm1), cf), fp1) & mask;
  out[at++] = mix(T_DOC, d | (cf << 4)) & mask;
  out[at++] = mix(mix(T_DOC_GW, d), gw) & mask;
  return at;
}

/**
 * Writes token i's (of the sentence [from, to)) feature buckets (hashes & mask) into out from offset `at`; returns the new offset.
 * The same multiset of features the tagger sums: selfFeatures, the four neighbours' features, pairFeatures and flagFeatures.
 */
export function tokenFeatures(buf: ArticleBuffer, i: number, from: number, to: number, mask: number, out: Int32Array, at: number): number {
  at = selfFeatures(buf, i, mask, out, at);
  for (let where = AT_PREV1; where <= AT_NEXT2; where++) {
    const j = i + (where === AT_PREV1 ? -1 : where === AT_NEXT1 ? 1 : where === AT_PREV2 ? -2 : 2);
    if (j >= from && j < to) at = neighbourFeatures(buf.word[j]!, buf.shape[j]!, buf.gazWord[j]!, where, mask, out, at);
    else {
      const [w, s, gw] = BOUNDARY[where]!;
      at = neighbourFeatures(w, s, gw, where, mask, out, at);
    }
  }
  at = pairFeatures(buf, i, from, to, mask, out, at);
  return flagFeatures(casePrev(buf, i, from), caseOf(buf, i), caseNext(buf, i, to), buf.doc[i]!, buf.gazWord[i]!, mask, out, at);
}
