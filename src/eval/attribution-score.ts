/**
 * Attribution scoring, exactly as ../shared/docs/data.md (polnear) defines it; the definitions are in
 * docs/evaluation.md (eval:attribution). Small pure functions over character offsets; used by the evaluation
 * only, never by the library.
 *
 * - A span is a list of fragments; scoring uses its *trimmed* form: each fragment cut to its first and last
 *   letter or digit (fragments with none are dropped), sorted by start. An empty trimmed span counts as missing.
 * - "Letters" below means letters or digits (`\p{L}` or `\p{N}`); shares and Jaccard count them, over the union
 *   of a span's fragments (a character covered twice counts once).
 */
import type { Fragment } from './brat.js';

export type { Fragment };

/** A trimmed span: sorted, non-empty fragments, each starting and ending on a letter or digit. */
export type TrimmedSpan = Fragment[];

/** One attribution in scoring form. `content` may be empty (no letters); `source`/`cue` null when missing or empty. */
export interface ScoredAttribution {
  content: TrimmedSpan;
  source: TrimmedSpan | null;
  cue: TrimmedSpan | null;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the code point at `i` is a letter or digit (a low surrogate never counts: its pair is counted once). */
function letterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  const cp = text.codePointAt(i);
  return cp !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** Prefix counts of letters/digits: `index[i]` = how many in `text.slice(0, i)`. Build once per article. */
export function letterIndex(text: string): Int32Array {
  const index = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) index[i + 1] = index[i]! + (letterAt(text, i) ? 1 : 0);
  return index;
}

/** Letters/digits in `[start, end)` (clamped to the text). */
export function lettersIn(index: Int32Array, start: number, end: number): number {
  const max = index.length - 1;
  const s = Math.max(0, Math.min(start, max));
  const e = Math.max(s, Math.min(end, max));
  return index[e]! - index[s]!;
}

/** One fragment cut to its first and last letter or digit; null when it has none. */
export function trimFragment(text: string, f: Fragment): Fragment | null {
  let start = Math.max(0, f.start);
  let end = Math.min(text.length, f.end);
  while (start < end && !letterAt(text, start)) start++;
  while (end > start) {
    // the last code point of [start, end): step back over a surrogate pair as one
    const low = text.charCodeAt(end - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start ? 2 : 1;
    if (letterAt(text, end - width)) break;
    end -= width;
  }
  return start < end ? { start, end } : null;
}

/**
 * A span in scoring form: every fragment trimmed, fragments without letters dropped, identical fragments kept
 * once, sorted by start (then end). `[]` when nothing is left.
 */
export function trimSpan(text: string, fragments: readonly Fragment[]): TrimmedSpan {
  const out: Fragment[] = [];
  const seen = new Set<string>();
  for (const f of fragments) {
    const t = trimFragment(text, f);
    if (!t) continue;
    const key = `${t.start}-${t.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The exact-match identity of a trimmed span. */
export const spanKey = (span: TrimmedSpan): string => span.map((f) => `${f.start}-${f.end}`).join(';');

/** The span's fragments merged where they overlap or touch (for counting letters once). */
function merged(span: readonly Fragment[]): Fragment[] {
  const sorted = [...span].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Fragment[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else out.push({ start: f.start, end: f.end });
  }
  return out;
}

/** Letters/digits a span covers (each character once). */
export function countLetters(index: Int32Array, span: readonly Fragment[]): number {
  return merged(span).reduce((n, f) => n + lettersIn(index, f.start, f.end), 0);
}

/** Letters/digits covered by both spans. */
export function sharedLetters(index: Int32Array, a: readonly Fragment[], b: readonly Fragment[]): number {
  const x = merged(a);
  const y = merged(b);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const fa = x[i]!;
    const fb = y[j]!;
    const start = Math.max(fa.start, fb.start);
    const end = Math.min(fa.end, fb.end);
    if (start < end) n += lettersIn(index, start, end);
    if (fa.end <= fb.end) i++;
    else j++;
  }
  return n;
}

/** Jaccard of the two spans' letter/digit positions; 0 when both are empty. */
export function letterJaccard(index: Int32Array, a: readonly Fragment[], b: readonly Fragment[]): number {
  const shared = sharedLetters(index, a, b);
  const union = countLetters(index, a) + countLetters(index, b) - shared;
  return union > 0 ? shared / union : 0;
}

/** Whether two optional spans agree at attribution level: both missing, or both present and sharing a letter/digit. */
export function rolesAgree(index: Int32Array, a: TrimmedSpan | null, b: TrimmedSpan | null): boolean {
  if (!a || !a.length) return !b || !b.length;
  if (!b || !b.length) return false;
  return sharedLetters(index, a, b) > 0;
}

export interface ExactCounts {
  pred: number;
  gold: number;
  /** Multiset matches: for each distinct span, min(predicted copies, gold copies). */
  matched: number;
}

/** Exact-match counts of one role in one article: the spans as multisets (empty spans are not counted). */
export function exactRole(gold: readonly TrimmedSpan[], pred: readonly TrimmedSpan[]): ExactCounts {
  const g = gold.filter((s) => s.length);
  const p = pred.filter((s) => s.length);
  const left = new Map<string, number>();
  for (const s of g) left.set(spanKey(s), (left.get(spanKey(s)) ?? 0) + 1);
  let matched = 0;
  for (const s of p) {
    const k = spanKey(s);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      matched++;
      left.set(k, n - 1);
    }
  }
  return { pred: p.length, gold: g.length, matched };
}

export interface OverlapCounts {
  pred: number;
  gold: number;
  /** Sum over predicted spans of their best share of letters covered by one gold span. */
  precisionCredit: number;
  /** Sum over gold spans of their best share of letters covered by one predicted span. */
  recallCredit: number;
}

/** Overlap counts of one role in one article (empty spans are not counted). */
export function overlapRole(index: Int32Array, gold: readonly TrimmedSpan[], pred: readonly TrimmedSpan[]): OverlapCounts {
  const g = gold.filter((s) => s.length);
  const p = pred.filter((s) => s.length);
  const best = (span: TrimmedSpan, others: readonly TrimmedSpan[]): number => {
    const size = countLetters(index, span);
    if (!size) return 0;
    let top = 0;
    for (const o of others) top = Math.max(top, sharedLetters(index, span, o) / size);
    return top;
  };
  return {
    pred: p.length,
    gold: g.length,
    precisionCredit: p.reduce((sum, s) => sum + best(s, g), 0),
    recallCredit: g.reduce((sum, s) => sum + best(s, p), 0),
  };
}

export interface AttributionPair {
  gold: number;
  pred: number;
  /** Content Jaccard (letters/digits), ≥ 0.5. */
  jaccard: number;
  /** Both without a source, or the sources share a letter/digit. */
  sourceOk: boolean;
  /** Both without a cue, or the cues share a letter/digit. */
  cueOk: boolean;
}

/** The content Jaccard a pair needs. */
export const PAIR_THRESHOLD = 0.5;

/**
 * Pairs predicted and gold attributions one to one: candidate pairs with content Jaccard ≥ 0.5, taken greedily
 * best Jaccard first; ties go to pairs whose sources, then cues, also agree, then to the earlier gold and
 * predicted attribution (so gold scored against itself pairs every attribution with itself).
 */
export function pairAttributions(index: Int32Array, gold: readonly ScoredAttribution[], pred: readonly ScoredAttribution[]): AttributionPair[] {
  const candidates: AttributionPair[] = [];
  gold.forEach((g, gi) => {
    if (!g.content.length) return;
    pred.forEach((p, pi) => {
      if (!p.content.length) return;
      const jaccard = letterJaccard(index, g.content, p.content);
      if (jaccard < PAIR_THRESHOLD) return;
      candidates.push({ gold: gi, pred: pi, jaccard, sourceOk: rolesAgree(index, g.source, p.source), cueOk: rolesAgree(index, g.cue, p.cue) });
    });
  });
  candidates.sort(
    (a, b) =>
      b.jaccard - a.jaccard ||
      Number(b.sourceOk) - Number(a.sourceOk) ||
      Number(b.cueOk) - Number(a.cueOk) ||
      a.gold - b.gold ||
      a.pred - b.pred,
  );
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: AttributionPair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPred.has(c.pred)) continue;
    usedGold.add(c.gold);
    usedPred.add(c.pred);
    pairs.push(c);
  }
  return pairs.sort((a, b) => a.gold - b.gold);
}

export interface AttributionCounts {
  pred: number;
  gold: number;
  /** Pairs (content Jaccard ≥ 0.5). */
  content: number;
  /** Pairs whose sources agree. */
  contentSource: number;
  /** Pairs whose sources and cues agree. */
  allRoles: number;
}

/** Attribution-level counts from the pairs of one article. */
export function attributionCounts(pairs: readonly AttributionPair[], gold: number, pred: number): AttributionCounts {
  return {
    pred,
    gold,
    content: pairs.length,
    contentSource: pairs.filter((p) => p.sourceOk).length,
    allRoles: pairs.filter((p) => p.sourceOk && p.cueOk).length,
  };
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** P = predHits / pred, R = goldHits / gold (0 when the denominator is 0), F1 their harmonic mean. */
export function prf(predHits: number, pred: number, goldHits: number, gold: number): PRF {
  const precision = pred > 0 ? predHits / pred : 0;
  const recall = gold > 0 ? goldHits / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Attribution-level P/R/F1: content, content+source, all roles. */
export function attributionF1(c: AttributionCounts): { content: PRF; contentSource: PRF; allRoles: PRF } {
  return {
    content: prf(c.content, c.pred, c.content, c.gold),
    contentSource: prf(c.contentSource, c.pred, c.contentSource, c.gold),
    allRoles: prf(c.allRoles, c.pred, c.allRoles, c.gold),
  };
}

export const exactF1 = (c: ExactCounts): PRF => prf(c.matched, c.pred, c.matched, c.gold);
export const overlapF1 = (c: OverlapCounts): PRF => prf(c.precisionCredit, c.pred, c.recallCredit, c.gold);
