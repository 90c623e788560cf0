/**
 * Coverage: each fact of the story (a sentence of an article's prose) with the outlets that report it, what only
 * one outlet reports, and whom each outlet quotes and how much.
 *
 * Two sentences of different outlets report the same fact when each is the other's closest sentence in that outlet
 * and their words and entities, weighted by how rare they are in the story, are similar enough (cosine ≥ 0.2); or
 * when one's closest sentence is very similar (≥ 0.35) or holds most of its words (a sentence the other outlet
 * splits in two).
 * A sentence can hold a shared fact and a detail of its own: the people, organisations and things only one outlet
 * names are listed apart (`uniqueEntities`), with the sentence that names them first.
 */
import type { Span } from '../model/schema.js';
import { findQuotations } from '../text/quotations.js';
import type { StoryContext } from './context.js';
import type { AlignedQuote } from './quotes.js';
import { contentStems, wordsOf } from './words.js';

export interface Fact {
  id: string;
  /** Indexes of the articles that report it, in story order. */
  articles: number[];
  mentions: Array<{ article: number; span: Span }>;
}

export interface Quoted {
  article: number;
  /** Story entity id (null: attributions with no resolved speaker, together). */
  speaker: string | null;
  attributions: number;
  /** Words of content given to the speaker. */
  words: number;
}

export interface Coverage {
  facts: Fact[];
  /** Per article (index), the facts only it reports. */
  onlyIn: Array<{ article: number; facts: string[] }>;
  /** Per article, the story entities (people, organisations, other) only it names, each with the sentence naming it first. */
  uniqueEntities: Array<{ article: number; entities: Array<{ entity: string; sentence: Span }> }>;
  quoted: Quoted[];
  /** Per article, the quotations no other outlet prints (not aligned, their words nowhere else): a detail of its own, even inside a shared fact. */
  uniqueQuotes: Array<{ article: number; quotes: Span[] }>;
}

/** Words a quotation needs to be listed as one outlet's own (a one-word quotation is too common to tell). */
export const DEFAULT_UNIQUE_QUOTE_WORDS = 2;

/** Cosine similarity (idf-weighted words and entities) two sentences must reach to report one fact. */
export const DEFAULT_FACT_SIMILARITY = 0.2;
/** Share of a sentence's weighted words another sentence must hold for the first to lie within it. */
export const DEFAULT_FACT_CONTAINMENT = 0.6;
/** Words or entities two sentences must share, at least, to report one fact. */
export const DEFAULT_FACT_SHARED_TERMS = 2;

/** The story's sentences and which of them report one fact (see the header). */
export interface SentenceLinks {
  sentences: Array<{ article: number; span: Span }>;
  /** Index pairs into `sentences`, of different articles: `mutual` (each the other's closest) or one way. */
  pairs: Array<{ i: number; j: number; mutual: boolean }>;
}

export function linkSentences(ctx: StoryContext): SentenceLinks {
  interface Item { article: number; span: Span; stems: Set<string>; entities: Set<string> }
  const items: Item[] = [];
  ctx.records.forEach((r, article) => {
    const text = r.article.text;
    const mentions = r.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, id: ctx.storyId(article, e.id) })));
    for (const s of ctx.sentences(article)) {
      const span = { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
      const entities = new Set(mentions.filter((m) => m.start >= s.start && m.end <= s.end && m.id).map((m) => m.id!));
      items.push({ article, span, stems: contentStems(span.text), entities });
    }
  });
  // Words and entities weighted by rarity in the story (idf over its sentences): "Labour" and "Trump" in every
  // sentence of a story about them say little about which fact a sentence reports. Terms become numbers, and each
  // sentence's dot products with all others accumulate over an inverted index (a story of twenty articles has
  // hundreds of thousands of sentence pairs).
  const termId = new Map<string, number>();
  const terms = items.map((it) => [...new Set([...it.stems, ...[...it.entities].map((e) => `@${e}`)])].map((t) => termId.get(t) ?? termId.set(t, termId.size).get(t)!));
  const df = new Float64Array(termId.size);
  for (const list of terms) for (const t of list) df[t]!++;
  // Smoothed (1 + N/df): in a story of two short articles a word both share still counts.
  const w = Float64Array.from(df, (d) => Math.log(1 + items.length / d));
  const norms = terms.map((list) => Math.sqrt(list.reduce((n, t) => n + w[t]! ** 2, 0)));
  const mass = terms.map((list) => list.reduce((n, t) => n + w[t]!, 0));
  const postings: number[][] = Array.from({ length: termId.size }, () => []);
  terms.forEach((list, i) => { for (const t of list) postings[t]!.push(i); });
  const articles = ctx.records.length;
  // Each sentence's best match in every other article, with what the two share: how many terms, and how much of
  // sentence i's (weighted) words sentence j holds — a sentence split in two by one outlet ("They're doing it as
  // volunteers.") lies within the other's longer one. All three accumulate over the same postings. Only the best
  // matches that can make a pair are kept (a best match that is mutual passes the same tests from both sides), so
  // memory follows the matches, not sentences × articles.
  const dot = new Float64Array(items.length);
  const shared = new Int32Array(items.length);
  const held = new Float64Array(items.length);
  const touched: number[] = [];
  const bestJ = new Int32Array(articles).fill(-1), bestSim = new Float64Array(articles), bestWithin = new Uint8Array(articles);
  const touchedArticles: number[] = [];
  const kept: Array<{ i: number; j: number; sim: number }> = [];
  /** Kept best matches by slot (i × articles + article): for the mutual test. */
  const bestOf = new Map<number, number>();
  // The inner loop reads flat arrays (the sentences' articles, the squared weights): it runs once per pair of
  // sentences sharing a term.
  const articleOf = Int32Array.from(items, (it) => it.article);
  const w2 = Float64Array.from(w, (x) => x ** 2);
  for (let i = 0; i < items.length; i++) {
    const own = articleOf[i]!;
    for (const t of terms[i]!) {
      const wt = w[t]!, wt2 = w2[t]!, list = postings[t]!;
      for (let k = 0; k < list.length; k++) {
        const j = list[k]!;
        if (articleOf[j] === own) continue;
        if (dot[j] === 0) touched.push(j);
        dot[j]! += wt2;
        shared[j]!++;
        held[j]! += wt;
      }
    }
    for (const j of touched) {
      const sim = norms[i]! && norms[j]! ? dot[j]! / (norms[i]! * norms[j]!) : 0;
      const a = articleOf[j]!;
      if (sim > bestSim[a]!) {
        if (bestJ[a]! < 0) touchedArticles.push(a);
        bestSim[a] = sim;
        bestJ[a] = j;
        const share = mass[i]! ? held[j]! / mass[i]! : 0;
        // Bit 1: enough terms in common; bit 2: sentence i lies within j.
        bestWithin[a] = (shared[j]! >= DEFAULT_FACT_SHARED_TERMS ? 1 : 0) | (share >= DEFAULT_FACT_CONTAINMENT ? 2 : 0);
      }
      dot[j] = 0; shared[j] = 0; held[j] = 0;
    }
    touched.length = 0;
    touchedArticles.sort((x, y) => x - y);
    for (const a of touchedArticles) {
      const within = bestWithin[a]!, sim = bestSim[a]!;
      // Two short sentences can be similar on one rare word ("responded"): a fact needs more in common.
      if (within & 1 && (sim >= DEFAULT_FACT_SIMILARITY || within & 2)) {
        kept.push({ i, j: bestJ[a]!, sim });
        bestOf.set(i * articles + a, bestJ[a]!);
      }
      bestJ[a] = -1; bestSim[a] = 0; bestWithin[a] = 0;
    }
    touchedArticles.length = 0;
  }
  const pairs: SentenceLinks['pairs'] = [];
  for (const { i, j, sim } of kept) {
    // A pair whose two sentences are each other's best, and similar enough, is one fact.
    if (sim >= DEFAULT_FACT_SIMILARITY && bestOf.get(j * articles + items[i]!.article) === i) { if (i < j) pairs.push({ i, j, mutual: true }); }
    else pairs.push({ i, j, mutual: false });
  }
  return { sentences: items.map(({ article, span }) => ({ article, span })), pairs };
}

export function measureCoverage(ctx: StoryContext, links: SentenceLinks, aligned: readonly AlignedQuote[] = []): Coverage {
  const items = links.sentences;
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const p of links.pairs) if (p.mutual) parent[find(p.i)] = find(p.j);
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => { const root = find(i); (groups.get(root) ?? groups.set(root, []).get(root)!).push(i); });
  // A one-way link adds the other outlet's sentence to the fact without merging the two facts: a sentence that
  // reports two facts of another outlet supports both, and no chain of links grows one fact over the whole story.
  for (const { i, j } of links.pairs.filter((p) => !p.mutual)) {
    const g = groups.get(find(i))!;
    if (!g.includes(j) && !g.some((k) => items[k]!.article === items[j]!.article)) g.push(j);
  }
  const facts: Fact[] = [...groups.values()]
    .map((g) => g.map((i) => items[i]!))
    .map((g) => ({ articles: [...new Set(g.map((x) => x.article))].sort((x, y) => x - y), mentions: g.map((x) => ({ article: x.article, span: x.span })) }))
    .sort((x, y) => x.mentions[0]!.article - y.mentions[0]!.article || x.mentions[0]!.span.start - y.mentions[0]!.span.start)
    .map((f, k) => ({ id: `f${k + 1}`, ...f }));
  const onlyIn = ctx.records.map((_, article) => ({ article, facts: ctx.records.length > 1 ? facts.filter((f) => f.articles.length === 1 && f.articles[0] === article).map((f) => f.id) : [] }));
  const quoted: Quoted[] = [];
  ctx.records.forEach((r, article) => {
    const by = new Map<string | null, Quoted>();
    for (const a of r.attributions) {
      const speaker = ctx.storyId(article, a.speaker);
      const q = by.get(speaker) ?? { article, speaker, attributions: 0, words: 0 };
      q.attributions++;
      q.words += a.content.reduce((n, c) => n + (c.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
      by.set(speaker, q);
    }
    quoted.push(...[...by.values()].sort((x, y) => y.words - x.words));
  });
  const uniqueEntities = ctx.records.map((r, article) => ({
    article,
    entities: ctx.records.length < 2 ? [] : ctx.entities
      .filter((e) => e.in.length > 0 && e.in.every((ref) => ref.article === article))
      .flatMap((e) => {
        const first = Math.min(...e.in.flatMap((ref) => r.entities.find((x) => x.id === ref.entity)?.mentions.map((m) => m.start) ?? []));
        const s = ctx.sentences(article).find((x) => x.start <= first && first < x.end);
        return s ? [{ entity: e.id, sentence: { start: s.start, end: s.end, text: r.article.text.slice(s.start, s.end) } }] : [];
      }),
  }));
  const alignedAt = new Set(aligned.flatMap((q) => q.quotes.map((side) => `${side.article}:${side.span.start}`)));
  const articleWords = ctx.records.map((r) => wordsOf(r.article.text));
  const wordsOfArticle = articleWords.map((words) => ` ${words.join(' ')} `);
  // Which articles hold each word: a quotation's words can stand in order only in an article holding its rarest word.
  const holders = new Map<string, number[]>();
  articleWords.forEach((words, k) => { for (const word of new Set(words)) (holders.get(word) ?? holders.set(word, []).get(word)!).push(k); });
  const elsewhere = (words: readonly string[], article: number): boolean => {
    let fewest = holders.get(words[0]!) ?? [];
    for (const word of words) {
      const list = holders.get(word) ?? [];
      if (list.length < fewest.length) fewest = list;
    }
    const needle = ` ${words.join(' ')} `;
    return fewest.some((k) => k !== article && wordsOfArticle[k]!.includes(needle));
  };
  const uniqueQuotes = ctx.records.map((r, article) => ({
    article,
    quotes: ctx.records.length < 2 ? [] : findQuotations(r.article.text, ctx.paragraphs(article))
      .filter((q) => !alignedAt.has(`${article}:${q.start}`))
      .map((q) => ({ start: q.start, end: q.end, text: r.article.text.slice(q.start, q.end) }))
      .filter((q) => {
        const words = wordsOf(q.text);
        return words.length >= DEFAULT_UNIQUE_QUOTE_WORDS && !elsewhere(words, article);
      }),
  }));
  return { facts, onlyIn, uniqueEntities, quoted, uniqueQuotes };
}
