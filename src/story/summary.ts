/**
 * The headline summary: a few sentences of the story, each an outlet's own words, never invented ones. The facts
 * most outlets report come first (what they agree happened), earlier sentences before later ones (news puts the
 * main point first); a sentence that is all quotation, opens with a pronoun, is a question, is very short, or much the same as one already
 * chosen is passed over. With fewer shared facts than wanted (one article, or outlets that share little), the articles' lead sentences
 * fill in.
 */
import type { Span } from '../model/schema.js';
import type { StoryContext } from './context.js';
import type { Coverage } from './coverage.js';
import { contentStems, shared } from './words.js';

export interface SummarySentence {
  /** The coverage fact it stands for, if any. */
  fact: string | null;
  article: number;
  span: Span;
}

/** Sentences in the summary. */
export const DEFAULT_SUMMARY_SENTENCES = 3;
/** Words a summary sentence needs at least. */
export const DEFAULT_SUMMARY_MIN_WORDS = 8;
/** Share of a sentence's content words already in the summary above which it adds too little. */
export const DEFAULT_SUMMARY_MAX_OVERLAP = 0.5;

/** `summary/whole-quotation`: a sentence opening with a quotation mark is a speaker's words, not the story's account. */
const OPENS_WITH_QUOTE = /^\s*["\u201c\u2018'\u00ab]/;
/** `summary/pronoun-start`: "He added, …" leans on a sentence the summary does not show. */
const OPENS_WITH_PRONOUN = /^\s*(?:he|she|they|it|this|that|these|those|we|i)\b/i;
/** `summary/question`: a question ("How have the accused responded?") announces a fact, it does not state one. */
const IS_QUESTION = /\?["\u201d'\u2019]?\s*$/;

export function summarize(ctx: StoryContext, coverage: Coverage, limit = DEFAULT_SUMMARY_SENTENCES): SummarySentence[] {
  // Each sentence's place in its article (0 = the lead).
  const rank = new Map<string, number>();
  ctx.records.forEach((_, article) => ctx.sentences(article).forEach((s, k) => rank.set(`${article}:${s.start}`, k)));
  const rankOf = (m: { article: number; span: Span }): number => rank.get(`${m.article}:${m.span.start}`) ?? Infinity;
  const usable = (span: Span): boolean => !OPENS_WITH_QUOTE.test(span.text) && !OPENS_WITH_PRONOUN.test(span.text) && !IS_QUESTION.test(span.text) && span.text.split(/\s+/).filter(Boolean).length >= DEFAULT_SUMMARY_MIN_WORDS;

  const candidates = coverage.facts
    .filter((f) => ctx.records.length < 2 || f.articles.length > 1)
    .map((f) => {
      const mention = [...f.mentions].filter((m) => usable(m.span)).sort((a, b) => a.article - b.article || rankOf(a) - rankOf(b))[0];
      return mention ? { fact: f.id, outlets: f.articles.length, at: Math.min(...f.mentions.map(rankOf)), mention } : null;
    })
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .sort((a, b) => b.outlets - a.outlets || a.at - b.at);

  const chosen: Array<SummarySentence & { at: number }> = [];
  const words = new Set<string>();
  const take = (fact: string | null, article: number, span: Span, at: number): void => {
    const stems = contentStems(span.text);
    if (stems.size === 0 || shared(stems, words) > DEFAULT_SUMMARY_MAX_OVERLAP * stems.size) return;
    for (const s of stems) words.add(s);
    chosen.push({ fact, article, span, at });
  };
  for (const c of candidates) {
    if (chosen.length >= limit) break;
    take(c.fact, c.mention.article, c.mention.span, c.at);
  }
  // Too few shared facts: the articles' leads, in story order.
  for (let article = 0; article < ctx.records.length && chosen.length < limit; article++) {
    const lead = ctx.sentences(article).find((s) => usable({ ...s, text: ctx.records[article]!.article.text.slice(s.start, s.end) }));
    if (!lead || chosen.some((c) => c.article === article && c.span.start === lead.start)) continue;
    const span = { start: lead.start, end: lead.end, text: ctx.records[article]!.article.text.slice(lead.start, lead.end) };
    const fact = coverage.facts.find((f) => f.mentions.some((m) => m.article === article && m.span.start === lead.start))?.id ?? null;
    take(fact, article, span, rankOf({ article, span }));
  }
  return chosen.sort((a, b) => a.at - b.at || a.article - b.article).map(({ at: _at, ...s }) => s);
}
