/**
 * `eval:attribution --baseline quotes`: a deliberately simple reference system, for sanity-checking the scorer
 * against data.md's reference ("a regex for quoted strings with a nearby said-verb"). It lives only here, in the
 * evaluation; the library never uses it.
 *
 * - Content: the inside of a double-quoted string (`"…"` or `“…”`, within one paragraph) of at least 3 words.
 * - Cue: the said/says/say/told/tells/according (to) nearest the quote, outside it, in the quote's sentence
 *   (from the last sentence end before the quote to the first one after it; a line break also ends a sentence).
 *   A quote without such a verb is not an attribution; consecutive quotes that take the same cue (`“A,” he said,
 *   “B.”`) are one attribution with a discontinuous content.
 * - Source: none.
 */
import type { Span } from '../model/schema.js';
import type { PredictedAttribution } from './attribution-gold.js';

const CUE = /\b(?:said|says|say|told|tells|according to|according)\b/gi;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export interface Quote {
  /** Offsets of the quote marks' inside. */
  start: number;
  end: number;
}

/** Double-quoted strings: `“…”` pairs, and straight `"` paired in order; never across a line break. */
export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  const re = /“([^“”\n]*)”|"([^"\n]*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) quotes.push({ start: m.index + 1, end: m.index + m[0].length - 1 });
  return quotes;
}

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** The quote's sentence: from after the last `. ! ?` (+ closing quote) + space, or line break, before `start` to the first after `end`. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const boundary = /[.!?]["”’)]?\s+|\n/g;
  let from = 0;
  for (let m = boundary.exec(text); m && m.index + m[0].length <= start; m = boundary.exec(text)) from = m.index + m[0].length;
  boundary.lastIndex = end;
  const after = boundary.exec(text);
  const to = after ? after.index + 1 : text.length;
  return { start: from, end: Math.max(to, end) };
}

export function quoteBaseline(text: string): PredictedAttribution[] {
  const out: PredictedAttribution[] = [];
  for (const q of findQuotes(text)) {
    const words = text.slice(q.start, q.end).match(WORD) ?? [];
    if (words.length < 3) continue;
    const sentence = sentenceAround(text, q.start - 1, q.end + 1);
    let best: Span | null = null;
    let bestDistance = Infinity;
    const piece = text.slice(sentence.start, sentence.end);
    for (const m of piece.matchAll(CUE)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (end > q.start - 1 && start < q.end + 1) continue; // inside the quote
      const distance = start >= q.end ? start - q.end : q.start - end;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = span(text, start, end);
      }
    }
    if (!best) continue;
    const content = span(text, q.start, q.end);
    const previous = out[out.length - 1];
    // `“A,” he said, “B.”`: quotes in one sentence that take the same cue are one attribution
    if (previous && previous.cue?.start === best.start) previous.content.push(content);
    else out.push({ content: [content], cue: best, source: null });
  }
  return out;
}
