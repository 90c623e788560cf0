/**
 * Numbers across outlets: the quantities each article gives ("nearly 100 current and former Labour Party staff
 * members", "$90 million", "51 percent"), each read as an interval by its hedge ("nearly 100" is 90–100, "about 100"
 * 90–110, "more than 100" above 100), compared with the other outlets' quantities about the same thing (the words
 * counted share a content word and the sentences share two content words or an entity): `consistent` when the
 * intervals meet, `conflict` when they do not. Years, dates and clock times are not quantities here.
 */
import type { Span } from '../model/schema.js';
import type { StoryContext } from './context.js';
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
  quantities: [Quantity, Quantity];
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
const COUNTED_STOP = /^(?:were|was|are|is|be|been|have|has|had|will|would|could|can|may|might|in|at|on|to|for|from|by|with|than|that|who|which|and\s+(?:were|was|are))$/i;
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
      if (/^\s*(?:a\.?m\.?|p\.?m\.?|o'clock)/i.test(after)) continue;
      const value = base * (scale ? SCALES[scale.toLowerCase()]! : 1);
      const [, lowF, highF] = HEDGES.find(([h]) => h === hedge?.toLowerCase()) ?? ['', 1, 1];
      // "a budget of $9 million": the thing counted stands before "of".
      const before = /(?:^|\s)((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+of\s+$/u.exec(sentence.slice(0, m.index));
      const counted: string[] = before ? before[1]!.split(/\s+/).filter((w) => !/^(?:a|an|the|its|their|his|her)$/i.test(w)) : [];
      for (const w of after.replace(/^-/, ' ').split(/\s+/).filter(Boolean)) {
        const bare = w.replace(/[^\p{L}\p{N}'’-]/gu, '');
        if (before || !bare || COUNTED_STOP.test(bare) || counted.length >= DEFAULT_COUNTED_WORDS) break;
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

/** Content words the sentences of two quantities must share to be about the same thing. */
export const DEFAULT_SHARED_CONTEXT = 2;

export function compareNumbers(ctx: StoryContext): NumberComparison[] {
  const all = ctx.records.map((_, k) => quantitiesOf(ctx, k));
  const out: Omit<NumberComparison, 'id'>[] = [];
  for (let x = 0; x < all.length; x++) {
    for (let y = x + 1; y < all.length; y++) {
      for (const a of all[x]!) {
        for (const b of all[y]!) {
          if (a.kind !== b.kind) continue;
          const counted = shared(contentStems(a.counted), contentStems(b.counted));
          const context = shared(contentStems(a.sentence.text), contentStems(b.sentence.text));
          if (counted < 1 || context < DEFAULT_SHARED_CONTEXT) continue;
          out.push({ verdict: a.low <= (b.high ?? Infinity) && b.low <= (a.high ?? Infinity) ? 'consistent' : 'conflict', quantities: [a, b] });
        }
      }
    }
  }
  return out.map((c, k) => ({ id: `n${k + 1}`, ...c }));
}
