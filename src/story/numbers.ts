/**
 * Numbers across outlets: the quantities each article gives ("nearly 100 current and former Labour Party staff
 * members", "$90 million", "51 percent"), each read as an interval by its hedge ("nearly 100" is 90–100, "about 100"
 * 90–110, "more than 100" above 100), compared with the other outlets' quantities about the same thing (in
 * sentences reporting one fact, counting the same words): `consistent` when the intervals meet, `conflict` when
 * they do not. Years, dates and clock times are not quantities here.
 */
import type { Span } from '../model/schema.js';
import type { StoryContext } from './context.js';
import type { SentenceLinks } from './coverage.js';
import { contentStems, shared } from './words.js';

export interface Quantity {
  article: number;
  /** The hedge, number and unit as written: "nearly 100", "$90 million". */
  span: Span;
  /** The words counted ("current and former Labour Party staff members"). */
  counted: string;
  value: number;
  low: number;
  /** Null: no upper bound ("more than 100"). */
  high: number | null;
  kind: 'count' | 'money' | 'percent';
  sentence: Span;
}

export interface NumberComparison {
  id: string;
  verdict: 'consistent' | 'conflict';
  /** Every outlet's quantity for the thing (two or more, of two or more articles), in story order. */
  quantities: Quantity[];
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** Hedges and the interval they make of n: [low factor, high factor] (Infinity: no bound). */
const HEDGES: ReadonlyArray<[string, number, number]> = [
  ['nearly', 0.9, 1], ['almost', 0.9, 1], ['close to', 0.9, 1], ['just under', 0.9, 1], ['fewer than', 0, 1], ['less than', 0, 1],
  ['under', 0, 1], ['up to', 0, 1], ['as many as', 0.5, 1], ['about', 0.9, 1.1], ['around', 0.9, 1.1], ['roughly', 0.9, 1.1],
  ['approximately', 0.9, 1.1], ['some', 0.9, 1.1], ['an estimated', 0.9, 1.1], ['more than', 1, Infinity], ['over', 1, Infinity],
  ['just over', 1, 1.1], ['at least', 1, Infinity],
];
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_NUMBER = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
// "nearly 100", "$90 million", "51 percent", "six-page", "almost a hundred" …
const QUANTITY = new RegExp(
  `(?:\\b(${HEDGES.map(([h]) => escape(h)).sort((a, b) => b.length - a.length).join('|')})\\s+)?(\\$|£|€)?\\b(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${WORD_NUMBER})\\b(?:\\s+(${Object.keys(SCALES).join('|')}))?(\\s*(?:%|percent\\b|per cent\\b))?`,
  'gi',
);
// Where the counted words stop: a verb of being or having, a preposition (not "of"), punctuation.
const COUNTED_STOP = /^(?:were|was|are|is|be|been|have|has|had|will|would|could|can|may|might|in|into|at|on|onto|to|toward|towards|for|from|by|with|than|that|who|which|of|off|near|over|before|after|during|across|about|around|since|per|while|when|where|and\s+(?:were|was|are))$/i;
/** What follows a number that makes it a clock time, a time zone's hour or part of a phone number, not a quantity. */
const NOT_A_QUANTITY_AFTER = /^(?:\s*(?:a\.?m\.?|p\.?m\.?|o'clock|GMT|UTC|EDT|EST|BST|CET|KST|JST|local time|hrs?\b)|[:.]\d|\s\d{3,})/i;
/** Words at most counted after a number. */
export const DEFAULT_COUNTED_WORDS = 6;

function quantitiesOf(ctx: StoryContext, article: number): Quantity[] {
  const { text } = ctx.records[article]!.article;
  const dates = ctx.records[article]!.dates.map((d) => d.span);
  const out: Quantity[] = [];
  for (const s of ctx.sentences(article)) {
    const sentence = text.slice(s.start, s.end);
    for (const m of sentence.matchAll(QUANTITY)) {
      const start = s.start + m.index, end = start + m[0].length;
      if (dates.some((d) => d.start < end && start < d.end)) continue;
      const [, hedge, currency, digits, scale, percent] = m;
      const base = /^\d/.test(digits!) ? Number(digits!.replace(/,/g, '')) : NUMBER_WORDS[digits!.toLowerCase()]!;
      // A bare four-digit number from 1900 to 2099 is a year; a number followed by a clock word is a time.
      if (!currency && !scale && !percent && /^(?:19|20)\d\d$/.test(digits!)) continue;
      const after = sentence.slice(m.index + m[0].length);
      if (NOT_A_QUANTITY_AFTER.test(after) || /(?:\d[:.]|\d\s)$/.test(sentence.slice(0, m.index))) continue;
      const value = base * (scale ? SCALES[scale.toLowerCase()]! : 1);
      const [, lowF, highF] = HEDGES.find(([h]) => h === hedge?.toLowerCase()) ?? ['', 1, 1];
      // "a budget of $9 million": the thing counted stands before "of".
      const before = /(?:^|\s)((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+of\s+$/u.exec(sentence.slice(0, m.index));
      const counted: string[] = before ? before[1]!.split(/\s+/).filter((w) => !/^(?:a|an|the|its|their|his|her)$/i.test(w)) : [];
      for (const w of after.replace(/^-/, ' ').split(/\s+/).filter(Boolean)) {
        const bare = w.replace(/[^\p{L}\p{N}'’-]/gu, '');
        if (before || !bare || /^[([]/.test(w) || COUNTED_STOP.test(bare) || counted.length >= DEFAULT_COUNTED_WORDS) break;
        // `counted/past-verb`: after the first word, a past tense ends the noun phrase ("200 residents attended").
        if (counted.length > 0 && /[a-z]ed$/.test(bare)) break;
        counted.push(bare);
        if (/[,.;:!?)]$/.test(w)) break;
      }
      out.push({
        article, span: { start, end, text: text.slice(start, end) }, counted: counted.join(' '), value,
        low: value * lowF, high: Number.isFinite(highF) ? value * highF : null, kind: currency ? 'money' : percent ? 'percent' : 'count',
        sentence: { start: s.start, end: s.end, text: sentence },
      });
    }
  }
  return out;
}

/**
 * Quantities about the same thing: in two sentences of different outlets that report one fact (coverage's sentence
 * links), of the same kind, counting words in common ("staff", "missiles"). Linked
 * quantities form a group holding every outlet's figure; `consistent` when one value fits all their intervals,
 * else `conflict`.
 */
export function compareNumbers(ctx: StoryContext, links: SentenceLinks): NumberComparison[] {
  const quantities = ctx.records.map((_, article) => quantitiesOf(ctx, article));
  const all = quantities.flat();
  const index = new Map(all.map((q, k) => [q, k]));
  const counted = all.map((q) => contentStems(q.counted));
  const inSentence = (article: number, start: number): Quantity[] => quantities[article]!.filter((q) => q.sentence.start === start);
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const { i, j } of links.pairs) {
    const si = links.sentences[i]!, sj = links.sentences[j]!;
    for (const a of inSentence(si.article, si.span.start)) {
      for (const b of inSentence(sj.article, sj.span.start)) {
        const x = index.get(a)!, y = index.get(b)!;
        if (a.kind === b.kind && shared(counted[x]!, counted[y]!) > 0) parent[find(x)] = find(y);
      }
    }
  }
  const groups = new Map<number, Quantity[]>();
  all.forEach((q, k) => { const r = find(k); (groups.get(r) ?? groups.set(r, []).get(r)!).push(q); });
  const out: Omit<NumberComparison, 'id'>[] = [];
  for (const g of groups.values()) {
    if (new Set(g.map((q) => q.article)).size < 2) continue;
    const low = Math.max(...g.map((q) => q.low)), high = Math.min(...g.map((q) => q.high ?? Infinity));
    out.push({ verdict: low <= high ? 'consistent' : 'conflict', quantities: g });
  }
  return out.map((c, k) => ({ id: `n${k + 1}`, ...c }));
}
