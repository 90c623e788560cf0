/**
 * Aligned quotes: the same quotation in two outlets, found however its wording, punctuation, sentence breaks,
 * length or speaker naming differ, with a word-level diff and a verdict:
 *
 * - `identical`: the same words and punctuation (quotation-mark and apostrophe styles aside);
 * - `punctuation`: the same words, other punctuation;
 * - `part`: one quotes a part of the other (the words of one run on, in order, within the other's);
 * - `wording`: words added, dropped or changed (listed).
 *
 * and, apart, who each outlet gives the words to (`speakers`): `same`, `different` (no speaker in common),
 * `ambiguous` (an outlet's sentence leaves it open between speakers, attribution `alternatives`) or `unknown`.
 *
 * Two quotations align when the words they share in order cover 60 % of the shorter and some of them run
 * unbroken (three words, or half the shorter), with two content words among them; or the shorter lies whole, in
 * order, in the other. A one-word quotation aligns only inside a longer one of the same speaker ("sort" / "sort
 * housing"). Sharing "the Labour Party" and a few scattered words is not enough.
 */
import type { Attribution, Span } from '../model/schema.js';
import { findQuotations } from '../text/quotations.js';
import type { StoryContext } from './context.js';
import { DENIAL_CUES } from './lexicon.js';
import { STOP_WORDS, stem, wordsOf } from './words.js';

export type QuoteVerdict = 'identical' | 'punctuation' | 'part' | 'wording';
export type SpeakerVerdict = 'same' | 'different' | 'ambiguous' | 'unknown';

export interface QuoteRef {
  article: number;
  span: Span;
  /** The attribution holding the quotation, if any. */
  attribution: string | null;
  /** Story entity ids the outlet gives the words to (more than one: ambiguous). */
  speakers: string[];
}

export interface AlignedQuote {
  id: string;
  quotes: [QuoteRef, QuoteRef];
  verdict: QuoteVerdict;
  /** For `part`: which side (0 or 1) quotes the longer text. */
  longer?: 0 | 1;
  /** Word differences, the second quote against the first. */
  diff: { added: string[]; dropped: string[]; changed: Array<[string, string]> };
  speakers: SpeakerVerdict;
  /** Speaker ids related by affiliation when `speakers` is `different` (the campaign and its candidate). */
  related: boolean;
}

/** At least this share of the shorter quotation's words must stand, in order, in the other. */
export const DEFAULT_MIN_COVERAGE = 0.6;
/** …and an unbroken run of at least this many words (or half the shorter quotation). */
export const DEFAULT_MIN_RUN = 3;
/** Words up to which a quotation is a short phrase, aligned only when all its words stand in order in the other. */
export const DEFAULT_SHORT_QUOTATION = 4;
/** Content words a short quotation needs to align with a quotation of another (or an unknown) speaker. */
export const DEFAULT_SHORT_PHRASE_CONTENT = 3;
/** Content words the common run must hold (one-word quotations aside). */
export const DEFAULT_MIN_SHARED_CONTENT = 2;

interface Quote {
  ref: QuoteRef;
  words: string[];
  /** The quotation with its quote marks and apostrophes in one style and spaces collapsed: for `identical`. */
  flat: string;
  stems: Set<string>;
  wordSet: Set<string>;
}

const flatten = (s: string): string => s.replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();

/** The longest common subsequence table of two word lists (quotations are short: a plain DP). */
function lcsTable(a: readonly string[], b: readonly string[]): Uint16Array {
  const m = b.length + 1;
  const t = new Uint16Array((a.length + 1) * m);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) t[i * m + j] = a[i] === b[j] ? t[(i + 1) * m + j + 1]! + 1 : Math.max(t[(i + 1) * m + j]!, t[i * m + j + 1]!);
  }
  return t;
}

/** The diff of b against a from the LCS: words only in a (dropped), only in b (added), a run of each side by side (changed). */
function diffWords(a: readonly string[], b: readonly string[], t: Uint16Array): AlignedQuote['diff'] {
  const m = b.length + 1;
  const diff: AlignedQuote['diff'] = { added: [], dropped: [], changed: [] };
  let i = 0, j = 0;
  let del: string[] = [], ins: string[] = [];
  const flush = (): void => {
    const n = Math.min(del.length, ins.length);
    for (let k = 0; k < n; k++) diff.changed.push([del[k]!, ins[k]!]);
    diff.dropped.push(...del.slice(n));
    diff.added.push(...ins.slice(n));
    del = []; ins = [];
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { flush(); i++; j++; }
    else if (j >= b.length || (i < a.length && t[(i + 1) * m + j]! >= t[i * m + j + 1]!)) del.push(a[i++]!);
    else ins.push(b[j++]!);
  }
  flush();
  return diff;
}

/** Whether `inner` runs, in order and without gaps, within `outer`. */
function contiguous(inner: readonly string[], outer: readonly string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  for (let s = 0; s + inner.length <= outer.length; s++) {
    let k = 0;
    while (k < inner.length && outer[s + k] === inner[k]) k++;
    if (k === inner.length) return true;
  }
  return false;
}

/** The longest run of words the two share unbroken. */
function longestRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  const prev = new Uint16Array(b.length + 1), cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > best) best = cur[j]!;
    }
    prev.set(cur);
  }
  return best;
}

/** Words of `a` that stand anywhere in `b`: at least the length of their longest common subsequence. */
function wordsIn(a: readonly string[], b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/**
 * The pairs of quotations of different articles that share a content word (the only ones that can align), as
 * [article x, article y > x, index in x, index in y], in that order: found through an index of words, so a story of
 * hundreds of articles does not compare every quotation with every other; one article's pairs at a time.
 */
function* candidatePairs(quotes: ReadonlyArray<readonly Quote[]>): Generator<[number, number, number, number]> {
  const byStem = new Map<string, Array<[number, number]>>();
  quotes.forEach((list, x) => list.forEach((q, i) => { for (const s of q.stems) (byStem.get(s) ?? byStem.set(s, []).get(s)!).push([x, i]); }));
  const seen = new Set<number>();
  for (let x = 0; x < quotes.length; x++) {
    const local: Array<[number, number, number]> = [];
    quotes[x]!.forEach((q, i) => {
      seen.clear();
      for (const s of q.stems) {
        for (const [y, k] of byStem.get(s)!) {
          if (y <= x) continue;
          const key = y * 65536 + k;
          if (seen.has(key)) continue;
          seen.add(key);
          local.push([y, i, k]);
        }
      }
    });
    local.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
    for (const [y, i, k] of local) yield [x, y, i, k];
  }
}

function speakerVerdict(a: readonly string[], b: readonly string[]): SpeakerVerdict {
  if (a.length === 0 || b.length === 0) return 'unknown';
  const common = a.some((x) => b.includes(x));
  if (!common) return 'different';
  return a.length > 1 || b.length > 1 ? 'ambiguous' : 'same';
}

/**
 * `quote/denied-words`: a quotation inside what someone rejects or denies ("Smith rejected claims by Councillor Doe
 * that he was “wasting public money”") is the accuser's, not the denier's: its speaker is the one the claims are
 * "by", else unknown.
 */
const DENY_STEMS = new Set(DENIAL_CUES.map(stem));
const isDenial = (a: Attribution): boolean => a.cue !== null && a.cue.text.toLowerCase().split(/\s+/).some((w) => DENY_STEMS.has(stem(w)));

export function alignQuotes(ctx: StoryContext): AlignedQuote[] {
  const deniedSpeaker = (article: number, a: Attribution, quoteStart: number): string[] => {
    const r = ctx.records[article]!;
    const from = a.cue!.end;
    const by = /\bby\s+/gi;
    const between = r.article.text.slice(from, quoteStart);
    for (const m of between.matchAll(by)) {
      const at = from + m.index + m[0].length;
      const e = r.entities.find((x) => (x.type === 'person' || x.type === 'organization') && x.mentions.some((mm) => mm.start <= at + 40 && mm.start >= at && mm.end <= quoteStart));
      const id = e ? ctx.storyId(article, e.id) : null;
      if (id) return [id];
    }
    return [];
  };
  const quotes: Quote[][] = ctx.records.map((r, article) => {
    const text = r.article.text;
    return findQuotations(text, ctx.paragraphs(article)).map((q) => {
      // The attribution holding the quotation: the one whose content overlaps it most.
      // (The innermost on a tie: "Britain sought … after the US candidate accused Labour of “…”" is the candidate's.)
      let best: { id: string; overlap: number; length: number } | null = null;
      for (const a of r.attributions) {
        const overlap = a.content.reduce((n, c) => n + Math.max(0, Math.min(c.end, q.end) - Math.max(c.start, q.start)), 0);
        const length = a.content.reduce((n, c) => n + c.end - c.start, 0);
        if (overlap > 0 && (!best || overlap > best.overlap || (overlap === best.overlap && length < best.length))) best = { id: a.id, overlap, length };
      }
      const attribution = best ? r.attributions.find((a) => a.id === best!.id)! : null;
      const words = wordsOf(text.slice(q.start, q.end));
      const speakers = !attribution ? [] : isDenial(attribution) ? deniedSpeaker(article, attribution, q.start) : ctx.speakersOf(article, attribution);
      return {
        ref: { article, span: { start: q.start, end: q.end, text: text.slice(q.start, q.end) }, attribution: attribution?.id ?? null, speakers },
        words,
        flat: flatten(text.slice(q.start, q.end)),
        stems: new Set(words.filter((w) => !STOP_WORDS.has(w)).map(stem)),
        wordSet: new Set(words),
      };
    });
  });
  const out: Omit<AlignedQuote, 'id'>[] = [];
  for (const [x, y, ia, ib] of candidatePairs(quotes)) {
    const aligned = align(quotes[x]![ia]!, quotes[y]![ib]!);
    if (aligned) out.push(aligned);
  }
  return out.map((q, k) => ({ id: `q${k + 1}`, ...q }));

  function relatedSpeakers(qa: Quote, qb: Quote): boolean {
    return qa.ref.speakers.some((s) => qb.ref.speakers.some((t) => ctx.related(s).has(t)));
  }

  function align(qa: Quote, qb: Quote): Omit<AlignedQuote, 'id'> | null {
    const a = qa.words, b = qb.words;
    if (a.length === 0 || b.length === 0) return null;
    let sharedContent = 0;
    for (const s of qa.stems) if (qb.stems.has(s)) sharedContent++;
    if (sharedContent === 0) return null;
    const shorter = Math.min(a.length, b.length);
    const speakers = speakerVerdict(qa.ref.speakers, qb.ref.speakers);
    const contained = contiguous(a.length <= b.length ? a : b, a.length <= b.length ? b : a);
    // The tests cheapest first: most pairs of a large story share a word or two and fail before the LCS is built.
    let t: Uint16Array | null = null;
    if (shorter === 1) {
      // A one-word quotation: only inside a longer one given to the same speaker.
      if (!contained || speakers !== 'same' || a.length === b.length) return null;
    } else if (shorter <= DEFAULT_SHORT_QUOTATION && speakers !== 'same' && speakers !== 'ambiguous' && sharedContent < DEFAULT_SHORT_PHRASE_CONTENT && !relatedSpeakers(qa, qb)) {
      // `quote/common-phrase`: "the first step", "loud and clear" recur in many mouths; a short quotation aligns with
      // an unrelated speaker's only when it holds three content words ("illegal foreign national contributions").
      return null;
    } else if (!contained) {
      if (sharedContent < DEFAULT_MIN_SHARED_CONTENT && shorter > 2) return null;
      // The shorter's words found in the other bound the words the two share in order.
      if ((a.length <= b.length ? wordsIn(a, qb.wordSet) : wordsIn(b, qa.wordSet)) < shorter * DEFAULT_MIN_COVERAGE) return null;
      t = lcsTable(a, b);
      const common = t[0]!;
      if (common < shorter * DEFAULT_MIN_COVERAGE) return null;
      // A short quotation is a phrase: every word of it must stand, in order, in the other ("blatant interference"
      // in "blatant foreign interference"), or two quotations sharing "public money" would align.
      if (shorter <= DEFAULT_SHORT_QUOTATION && common < shorter) return null;
      const run = longestRun(a, b);
      if (run < DEFAULT_MIN_RUN && run < shorter / 2) return null;
    }
    t ??= lcsTable(a, b);
    const common = t[0]!;
    const diff = diffWords(a, b, t);
    let verdict: QuoteVerdict;
    let longer: 0 | 1 | undefined;
    if (a.length === b.length && common === a.length) verdict = qa.flat === qb.flat ? 'identical' : 'punctuation';
    else if (contiguous(a, b) || contiguous(b, a)) { verdict = 'part'; longer = a.length > b.length ? 0 : 1; }
    else verdict = 'wording';
    const related = speakers === 'different' && relatedSpeakers(qa, qb);
    return { quotes: [qa.ref, qb.ref], verdict, ...(longer === undefined ? {} : { longer }), diff, speakers, related };
  }
}

/** The verdict in words: "same words; punctuation differs", "The National quotes a part of CNBC's quotation" … */
export function describeAlignment(q: Pick<AlignedQuote, 'verdict' | 'longer' | 'diff'>, labels: [string, string]): string {
  switch (q.verdict) {
    case 'identical': return 'identical';
    case 'punctuation': return 'same words; punctuation differs';
    case 'part': return `${labels[q.longer === 0 ? 1 : 0]} quotes a part of ${labels[q.longer ?? 0]}'s quotation`;
    case 'wording': {
      const parts = [
        q.diff.dropped.length ? `${labels[1]} drops ${q.diff.dropped.map((w) => `“${w}”`).join(', ')}` : '',
        q.diff.added.length ? `${labels[1]} adds ${q.diff.added.map((w) => `“${w}”`).join(', ')}` : '',
        q.diff.changed.length ? `${q.diff.changed.map(([x, y]) => `“${x}” → “${y}”`).join(', ')}` : '',
      ].filter(Boolean);
      return `wording differs: ${parts.join('; ')}`;
    }
  }
}
