/**
 * Labels and features of the attribution tagger, shared by training and tagging so the two cannot drift.
 *
 * One sequence is one paragraph block. Labels are BIO over three roles (SOURCE, CUE, CONTENT): 7 labels,
 * 0 = O. Features are integer hashes (NER's hashing, ../entities/ner/hash.ts, and its per-token word,
 * shape and affix hashes, ../entities/ner/features.ts `readArticle`): a template id mixed with values,
 * reduced to a bucket. On top of the word-level features come the attribution evidence: the cue
 * vocabulary (the shared cue-verb lexicon plus the cue words the model learnt from training), quotation
 * state over the paragraph, the distance and direction to the nearest cue in the sentence and which cue it
 * is, pronouns, "according to", and the named-entity tagger's person/organization mentions.
 */
import type { Token } from '../../text/types.js';
import { cueForms, EXTENDED_CUE_VERB_LEMMAS } from '../../lexicon/cues.js';
import { ArticleBuffer, F_ALLCAPS, F_CAP, F_DIGIT, F_NOLETTER, hashWord, readArticle } from '../entities/ner/features.js';
import { mix } from '../entities/ner/hash.js';
import type { IntMap } from '../entities/ner/intmap.js';

/** Roles of an attribution; RoleSpan.role indexes this list. */
export const ROLES = ['source', 'cue', 'content'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_SOURCE = 0, ROLE_CUE = 1, ROLE_CONTENT = 2;

/**
 * One stage's BIO label set over some roles: 0 is O; the stage's k-th role has B = 1 + 2k, I = 2 + 2k. The cue
 * tagger labels cues only (3 labels), the role tagger sources and contents (5): each stage scores just its own.
 */
export interface StageLabels {
  /** The roles, as indexes into ROLES, in label order. */
  roles: readonly number[];
  /** Number of labels. */
  L: number;
  /** (L + 1) × L transition mask: I-x only after B-x or I-x (row L is the sequence start). */
  allowed: Uint8Array;
  allowedEnd: Uint8Array;
}

export const labelOf = (k: number, inside: boolean): number => 1 + 2 * k + (inside ? 1 : 0);
const stageRoleOf = (l: number): number => (l - 1) >> 1;
const isInside = (l: number): boolean => l !== 0 && ((l - 1) & 1) === 1;

function stageLabels(roles: readonly number[]): StageLabels {
  const L = 1 + 2 * roles.length;
  const allowed = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    for (let l = 0; l < L; l++) allowed[p * L + l] = !isInside(l) || (p < L && p !== 0 && stageRoleOf(p) === stageRoleOf(l)) ? 1 : 0;
  }
  return { roles, L, allowed, allowedEnd: new Uint8Array(L).fill(1) };
}

export const CUE_LABELS = stageLabels([ROLE_CUE]);
export const ROLE_LABELS = stageLabels([ROLE_SOURCE, ROLE_CONTENT]);

/** Token spans [start, end) and their role (index into ROLES) from a stage's BIO label sequence. */
export function roleSpans(labels: ArrayLike<number>, n: number, stage: StageLabels): Array<{ start: number; end: number; role: number }> {
  const out: Array<{ start: number; end: number; role: number }> = [];
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (l === 0) continue;
    const role = stage.roles[stageRoleOf(l)]!;
    const last = out[out.length - 1];
    if (!isInside(l) || !last || last.end !== i || last.role !== role) out.push({ start: i, end: i + 1, role });
    else last.end = i + 1;
  }
  return out;
}

/** Pronouns that often are the source ("he said"). */
const PRONOUNS = ['i', 'we', 'you', 'he', 'she', 'they', 'it', 'who', 'me', 'him', 'her', 'us', 'them'] as const;

const hashSet = (words: Iterable<string>): Set<number> => new Set(Array.from(words, hashWord));
/** Word hashes of every form of the shared cue-verb lexicon. */
export const LEXICON_CUES: ReadonlySet<number> = hashSet(cueForms());
const PRONOUN_SET: ReadonlySet<number> = hashSet(PRONOUNS);
/**
 * Word hashes of the extended cue verbs' forms (not already core cues): read as cues (A_CUE, so they count in the
 * distances to the nearest cue) and flagged apart (A_EXTCUE), so that a predicate too rare in train to be learnt
 * ("heralded", "laments") still reads as one. Five-fold cross-validation over PolNeAR train: exact F1 +1.0 cue,
 * +0.7 content, +0.9 source (docs/attributions.md).
 */
const EXTENDED_CUES: ReadonlySet<number> = new Set([...hashSet(cueForms(EXTENDED_CUE_VERB_LEMMAS))].filter((w) => !LEXICON_CUES.has(w)));
const H_ACCORDING = hashWord('according');
const H_TO = hashWord('to');
const H_THAT = hashWord('that');
const H_COMMA = hashWord(',');

// Per-token attribution flags.
export const A_CUE = 1; // in the cue vocabulary (lexicon or learnt)
export const A_LEXCUE = 2; // in the shared cue-verb lexicon
export const A_ACCORDING = 4; // "according" before "to", or that "to"
export const A_PRONOUN = 8;
export const A_QUOTE_OPEN = 16; // an opening double quote
export const A_QUOTE_CLOSE = 32; // a closing double quote
export const A_IN_QUOTE = 64; // inside double quotes (counted over the paragraph)
export const A_SENT_START = 128;
export const A_SENT_END = 256; // last token of its sentence
export const A_EXTCUE = 512; // an extended cue verb (../../lexicon/cues.ts)

/** The pos entry of a token with no tag. */
export const NO_POS = 255;

/** What the named-entity tagger says of a token (0: no mention). */
export const NER_NONE = 0, NER_PERSON = 1, NER_ORG = 2, NER_OTHER = 3;

/** Token-level data of one article: NER's word hashes plus the attribution flags. */
export class AttributionBuffer {
  readonly words = new ArticleBuffer();
  attr = new Int32Array(256);
  ner = new Uint8Array(256);
  /** Part-of-speech tag of each token (../pos/tags.ts), or NO_POS. */
  pos = new Uint8Array(256);
  /** Sentence index of each token. */
  sentence = new Int32Array(256);
  /** Word clusters of each token (../word-clusters: coarse << 16 | fine; 0 none). */
  cluster = new Int32Array(256);
  /** Scratch per block: nearest cue left/right, per-sentence flags. */
  left = new Int32Array(256);
  right = new Int32Array(256);
  sentFlags = new Int32Array(256);
  reserveScratch(n: number): void {
    if (n <= this.left.length) return;
    const size = Math.max(n, this.left.length * 2);
    this.left = new Int32Array(size);
    this.right = new Int32Array(size);
    this.sentFlags = new Int32Array(size);
  }
  reserve(n: number): void {
    if (n <= this.attr.length) return;
    const size = Math.max(n, this.attr.length * 2);
    this.attr = new Int32Array(size);
    this.ner = new Uint8Array(size);
    this.pos = new Uint8Array(size);
    this.sentence = new Int32Array(size);
    this.cluster = new Int32Array(size);
  }
}

const DOUBLE_QUOTES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb]);

/** Whether a straight or curly double quote at `at` opens a quotation (curly ones say; straight ones by what precedes). */
function opensQuote(text: string, at: number, c: number): boolean {
  if (c === 0x201c || c === 0x201e || c === 0x00ab) return true;
  if (c === 0x201d || c === 0x00bb) return false;
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  return before === 32 || before === 10 || before === 9 || before === 40 || before === 91 || before === 0x2014 || before === 0x2013 || before === 160;
}

/**
 * A_QUOTE_OPEN or A_QUOTE_CLOSE for a double quotation mark token [start, end), else 0: a straight or curly double
 * quote, or the typewriter doubles `` and '' that some newsrooms set for them (''We will win,'' he said).
 */
function doubleQuoteFlag(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start);
  if (end - start === 1) return DOUBLE_QUOTES.has(c) ? (opensQuote(text, start, c) ? A_QUOTE_OPEN : A_QUOTE_CLOSE) : 0;
  if (end - start !== 2 || text.charCodeAt(start + 1) !== c) return 0;
  if (c === 0x60) return A_QUOTE_OPEN;
  return c === 0x27 ? (opensQuote(text, start, 0x22) ? A_QUOTE_OPEN : A_QUOTE_CLOSE) : 0;
}

/** What the other taggers say of each token: NER mention types (NER_*) and part-of-speech tags. */
export interface TokenEvidence {
  ner: Uint8Array | null;
  pos: Uint8Array | null;
}

/** What a model knows of words: its learnt cue vocabulary and the word clusters it was trained with (either may be absent). */
export interface WordLexicon {
  cues: IntMap | null;
  clusters: IntMap | null;
}

/**
 * Reads an article's tokens into `buf`: hashes (unless `wordsRead`), cue/pronoun flags, word clusters, sentence
 * indexes, the NER mention types and the part-of-speech tags. Quotation state is set per block by `markBlock`.
 */
export function readAttributionArticle(text: string, tokens: readonly Token[], sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>, evidence: TokenEvidence, lexicon: WordLexicon | null, buf: AttributionBuffer, wordsRead = false): void {
  const cues = lexicon?.cues ?? null, clusters = lexicon?.clusters ?? null;
  const { ner, pos } = evidence;
  // wordsRead: the caller already read these tokens into buf.words (to tag parts of speech from the same hashes).
  if (!wordsRead) readArticle(text, tokens, buf.words);
  buf.reserve(tokens.length);
  const word = buf.words.word;
  for (let i = 0; i < tokens.length; i++) {
    const w = word[i]!;
    let a = 0;
    if (LEXICON_CUES.has(w)) a |= A_LEXCUE | A_CUE;
    if (cues?.has(w)) a |= A_CUE;
    if (EXTENDED_CUES.has(w)) a |= A_EXTCUE | A_CUE;
    if (PRONOUN_SET.has(w)) a |= A_PRONOUN;
    if (w === H_ACCORDING && i + 1 < tokens.length && word[i + 1] === H_TO) a |= A_ACCORDING | A_CUE;
    if (w === H_TO && i > 0 && word[i - 1] === H_ACCORDING) a |= A_ACCORDING | A_CUE;
    const t = tokens[i]!;
    if (t.kind === 'quote') a |= doubleQuoteFlag(text, t.start, t.end);
    buf.attr[i] = a;
    buf.cluster[i] = clusters ? clusters.get(w) : 0;
    buf.ner[i] = ner ? ner[i]! : NER_NONE;
    buf.pos[i] = pos ? pos[i]! : NO_POS;
  }
  sentences.forEach((s, k) => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      buf.sentence[i] = k;
      if (i === s.tokenStart) buf.attr[i] = buf.attr[i]! | A_SENT_START;
      if (i === s.tokenEnd - 1) buf.attr[i] = buf.attr[i]! | A_SENT_END;
    }
  });
}

/** Sets the inside-quotes flag over a block's tokens [from, to): an opening quote opens, a closing one closes. */
export function markBlock(buf: AttributionBuffer, from: number, to: number): void {
  let open = false;
  for (let i = from; i < to; i++) {
    const a = buf.attr[i]! & ~A_IN_QUOTE;
    if (a & A_QUOTE_OPEN) open = true;
    buf.attr[i] = open ? a | A_IN_QUOTE : a;
    if (a & A_QUOTE_CLOSE) open = false;
  }
}

/** Distance bucket: 1, 2, 3, 4–5, 6–9, 10–19, 20+. */
const bucket = (d: number): number => (d <= 3 ? d : d <= 5 ? 4 : d <= 9 ? 5 : d <= 19 ? 6 : 7);

/** Upper bound of features per token. */
export const MAX_FEATURES_PER_TOKEN = 64;

const BOS = 0x3d1, EOS = 0x3d2;

/**
 * Feature buckets of every token of the block [from, to) (after markBlock), token t's at
 * feats[offsets[t - from] .. offsets[t - from + 1]); returns the count written.
 */
export function blockFeatures(buf: AttributionBuffer, from: number, to: number, mask: number, feats: Int32Array, offsets: Int32Array): number {
  const { word, shape, suf, pre, flags } = buf.words;
  const attr = buf.attr, ner = buf.ner, sent = buf.sentence, pos = buf.pos;
  const n = to - from;
  // Nearest cue to the left and right within the sentence (token index, -1 none).
  buf.reserveScratch(n);
  const left = buf.left, right = buf.right;
  for (let i = from, last = -1; i < to; i++) {
    if (i > from && sent[i] !== sent[i - 1]) last = -1;
    left[i - from] = last;
    if (attr[i]! & A_CUE) last = i;
  }
  for (let i = to - 1, last = -1; i >= from; i--) {
    if (i < to - 1 && sent[i] !== sent[i + 1]) last = -1;
    right[i - from] = last;
    if (attr[i]! & A_CUE) last = i;
  }
  // Whether each sentence has a quote mark / a cue (by sentence index, relative to the block's first).
  const s0 = sent[from]!;
  const sentFlags = buf.sentFlags;
  sentFlags.fill(0, 0, sent[to - 1]! - s0 + 1);
  for (let i = from; i < to; i++) sentFlags[sent[i]! - s0] = sentFlags[sent[i]! - s0]! | (attr[i]! & (A_CUE | A_QUOTE_OPEN | A_QUOTE_CLOSE));
  const blockOpensQuote = attr[from]! & A_QUOTE_OPEN ? 1 : 0;
  OUT = feats; AT = 0; MASK = mask; FROM = from; TO = to; WORD = word; ATTR = attr;
  for (let i = from; i < to; i++) {
    offsets[i - from] = AT;
    const a = attr[i]!;
    const caps = flags[i]! & (F_CAP | F_ALLCAPS | F_DIGIT | F_NOLETTER);
    const q = a & (A_IN_QUOTE | A_QUOTE_OPEN | A_QUOTE_CLOSE);
    const l = left[i - from]!, r = right[i - from]!;
    const lb = l < 0 ? 0 : bucket(i - l), rb = r < 0 ? 0 : bucket(r - i);
    const lw = l < 0 ? 0 : word[l]!, rw = r < 0 ? 0 : word[r]!;
    const sf = sentFlags[sent[i]! - s0]!;
    put(1, 0);
    put(2, w(i)); put(3, w(i - 1)); put(4, w(i + 1)); put(5, w(i - 2)); put(6, w(i + 2));
    put(7, w(i - 1), w(i)); put(8, w(i), w(i + 1)); put(9, w(i - 2), w(i - 1)); put(10, w(i + 1), w(i + 2));
    put(11, shape[i]!); put(12, suf[i * 4 + 2]!); put(13, pre[i * 4 + 2]!); put(14, suf[i * 4 + 1]!);
    put(15, caps, i > from ? flags[i - 1]! & (F_CAP | F_NOLETTER) : 1 << 20, i + 1 < to ? flags[i + 1]! & (F_CAP | F_NOLETTER) : 1 << 20);
    put(16, a & (A_CUE | A_LEXCUE | A_ACCORDING | A_PRONOUN | A_EXTCUE)); put(17, cueAt(i - 1), cueAt(i), cueAt(i + 1)); put(18, cueAt(i - 2), cueAt(i + 2));
    put(19, q); put(20, q, w(i)); put(21, q, caps);
    put(22, lb, rb); put(23, lb, rb, q); put(24, lb, w(i)); put(25, rb, w(i)); put(26, lw, lb); put(27, rw, rb);
    put(28, a & (A_SENT_START | A_SENT_END), q);
    put(29, ner[i]!, ner[i - 1] ?? 0, ner[i + 1] ?? 0); put(30, ner[i]!, lb, rb); put(31, a & A_PRONOUN, rb, lb);
    put(32, sf, lb === 0 ? 0 : 1, rb === 0 ? 0 : 1); put(33, sf, q, a & A_SENT_START);
    put(34, cueAt(i - 1), w(i), cueAt(i - 2)); put(35, w(i - 1) === H_THAT ? cueAt(i - 2) : 3, q);
    put(36, w(i - 1) === H_COMMA ? 1 : 0, attr[i - 1] !== undefined && i > from ? attr[i - 1]! & (A_QUOTE_CLOSE | A_QUOTE_OPEN) : 0, cueAt(i + 1));
    put(37, shape[i]!, i > from ? shape[i - 1]! : BOS, i + 1 < to ? shape[i + 1]! : EOS);
    put(38, blockOpensQuote, sent[i] === s0 ? 1 : 0, q);
    put(39, rw, w(i)); put(40, lw, w(i));
    put(41, ner[i]!, a & A_SENT_START, rb);
    // (Words at ±3 and the nearest cue with the next word were dropped: −0.1 cue F1 on the held-out tenth, 7 % less work.)
    put(46, ner[i]!, rw); put(47, q, lb, w(i - 1));
    const p = pos[i]!, pp = i > from ? pos[i - 1]! : BOS, pn = i + 1 < to ? pos[i + 1]! : EOS;
    put(48, p); put(49, pp, p); put(50, p, pn); put(51, p, w(i)); put(52, pp, mix(p, pn)); put(53, p, lb, rb);
    put(54, p, q, a & A_SENT_START); put(55, p, w(i + 1)); put(56, pp, w(i));
    const x = a & A_EXTCUE ? 1 : 0;
    put(57, x, p, q); put(58, x, w(i + 1)); put(59, x, cueAt(i - 1), pp);
  }
  offsets[n] = AT;
  OUT = EMPTY; WORD = EMPTY; ATTR = EMPTY;
  return offsets[n]!;
}

// blockFeatures' state while it runs (module-level, so no closure is made per token).
const EMPTY = new Int32Array(0);
let OUT: Int32Array = EMPTY, AT = 0, MASK = 0, FROM = 0, TO = 0, WORD: Int32Array = EMPTY, ATTR: Int32Array = EMPTY;
function put(template: number, a: number, b = 0, c = 0): void { OUT[AT++] = mix(mix(Math.imul(template, GOLDEN) ^ a, b), c) & MASK; }
/** Spreads template ids over the hash space, so one mix round less per feature is needed. */
const GOLDEN = 0x9e3779b1;
function w(i: number): number { return i < FROM ? BOS : i >= TO ? EOS : WORD[i]!; }
function cueAt(i: number): number { return i < FROM || i >= TO ? 2 : ATTR[i]! & A_CUE ? 1 : 0; }
