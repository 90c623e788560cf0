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
/** Share of a sentence's weighted words another sentence must hold for the first to lie within it… */
export const DEFAULT_FACT_CONTAINMENT = 0.6;
/** …counting at least this many words or entities. */
export const DEFAULT_FACT_CONTAINED_TERMS = 2;

export function measureCoverage(ctx: StoryContext, aligned: readonly AlignedQuote[] = []): Coverage {
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
  // sentence of a story about them say little about which fact a sentence reports.
  const df = new Map<string, number>();
  const keys = items.map((it) => [...it.stems, ...[...it.entities].map((e) => `@${e}`)]);
  for (const k of keys) for (const t of k) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string): number => Math.log(items.length / df.get(t)!);
  const norms = keys.map((k) => Math.sqrt(k.reduce((n, t) => n + weight(t) ** 2, 0)));
  const sets = keys.map((k) => new Set(k));
  const similarity = (i: number, j: number): number => {
    let dot = 0;
    for (const t of sets[i]!) if (sets[j]!.has(t)) dot += weight(t) ** 2;
    return norms[i]! && norms[j]! ? dot / (norms[i]! * norms[j]!) : 0;
  };
  // Each sentence's best match in every other article; a pair whose two sentences are each other's best, and similar
  // enough, is one fact (no chains: a sentence joins at most one per other outlet).
  const best = new Map<string, { j: number; sim: number }>();
  const byStem = new Map<string, number[]>();
  sets.forEach((set, i) => { for (const t of set) (byStem.get(t) ?? byStem.set(t, []).get(t)!).push(i); });
  for (let i = 0; i < items.length; i++) {
    const seen = new Set<number>();
    for (const t of sets[i]!) {
      for (const j of byStem.get(t)!) {
        if (seen.has(j) || items[j]!.article === items[i]!.article) continue;
        seen.add(j);
        const sim = similarity(i, j);
        const key = `${i}>${items[j]!.article}`;
        if (sim > (best.get(key)?.sim ?? 0)) best.set(key, { j, sim });
      }
    }
  }
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // How much of sentence i's (weighted) words sentence j holds: a sentence split in two by one outlet
  // ("They're doing it as volunteers.") lies within the other's longer one.
  const mass = keys.map((k) => k.reduce((n, t) => n + weight(t), 0));
  const containment = (i: number, j: number): { share: number; terms: number } => {
    let w = 0, terms = 0;
    for (const t of sets[i]!) if (sets[j]!.has(t)) { w += weight(t); terms++; }
    return { share: mass[i]! ? w / mass[i]! : 0, terms };
  };
  const oneWay: Array<[number, number]> = [];
  for (const [key, { j, sim }] of best) {
    const i = Number(key.slice(0, key.indexOf('>')));
    if (sim >= DEFAULT_FACT_SIMILARITY && best.get(`${j}>${items[i]!.article}`)?.j === i) parent[find(i)] = find(j);
    else {
      const within = containment(i, j);
      if (sim >= DEFAULT_FACT_SIMILARITY || (within.share >= DEFAULT_FACT_CONTAINMENT && within.terms >= DEFAULT_FACT_CONTAINED_TERMS)) oneWay.push([i, j]);
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => { const root = find(i); (groups.get(root) ?? groups.set(root, []).get(root)!).push(i); });
  // A one-way link adds the other outlet's sentence to the fact without merging the two facts: a sentence that
  // reports two facts of another outlet supports both, and no chain of links grows one fact over the whole story.
  for (const [i, j] of oneWay) {
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
  const wordsOfArticle = ctx.records.map((r) => ` ${wordsOf(r.article.text).join(' ')} `);
  const uniqueQuotes = ctx.records.map((r, article) => ({
    article,
    quotes: ctx.records.length < 2 ? [] : findQuotations(r.article.text, ctx.paragraphs(article))
      .filter((q) => !alignedAt.has(`${article}:${q.start}`))
      .map((q) => ({ start: q.start, end: q.end, text: r.article.text.slice(q.start, q.end) }))
      .filter((q) => {
        const words = wordsOf(q.text);
        return words.length >= DEFAULT_UNIQUE_QUOTE_WORDS && wordsOfArticle.every((w, k) => k === article || !w.includes(` ${words.join(' ')} `));
      }),
  }));
  return { facts, onlyIn, uniqueEntities, quoted, uniqueQuotes };
}
