/**
 * The cross-outlet sections of a story as rows of words and span references, one copy for the Markdown and the
 * HTML reports: each renderer only decides how a row looks and how a reference links to the article text
 * (a paragraph number in Markdown, an anchor on the highlighted span in HTML).
 */
import type { Span, Story } from '../model/schema.js';
import { articleLabel } from './items.js';

export interface SpanRef {
  article: number;
  span: Span;
  /** The outlet's label. */
  outlet: string;
  /** The number of the article block holding the span (1-based, as the Markdown report numbers them). */
  paragraph: number;
  /** The HTML anchor of the span (the report marks it in the article text). */
  anchor: string;
}

export interface QuoteRow {
  id: string;
  description: string;
  verdict: Story['alignedQuotes'][number]['verdict'];
  speakers: Story['alignedQuotes'][number]['speakers'];
  related: boolean;
  sides: Array<{ ref: SpanRef; who: string }>;
}

export interface ConflictRow {
  id: string;
  verdict: 'different' | 'ambiguous';
  related: boolean;
  /** The quotation or statement at stake (the first side's). */
  what: SpanRef | null;
  sides: Array<{ outlet: string; who: string; source: SpanRef | null; cue: string | null }>;
}

export interface NumberRow {
  id: string;
  verdict: 'consistent' | 'conflict';
  sides: Array<{ ref: SpanRef; counted: string; interval: string }>;
}

export interface ClaimRow {
  id: string;
  type: Story['claims'][number]['type'];
  by: string;
  alsoBy: string[];
  against: string | null;
  outlets: string[];
  /** Each mention's words (an attribution's content parts). */
  mentions: SpanRef[][];
}

export interface OutletRow {
  article: number;
  outlet: string;
  published: string | null;
  title: string | null;
  words: number;
  /** Facts it shares with at least one other outlet, and facts only it reports. */
  sharedFacts: number;
  onlyFacts: number;
  /** Whom it quotes most, with the words given to each. */
  quoted: Array<{ who: string; attributions: number; words: number }>;
}

export interface OnlyInRow {
  article: number;
  outlet: string;
  facts: SpanRef[];
  entities: Array<{ name: string; ref: SpanRef }>;
  /** Quotations no other outlet prints. */
  quotes: SpanRef[];
}

export interface StoryView {
  summary: SpanRef[];
  outlets: OutletRow[];
  quotes: QuoteRow[];
  conflicts: ConflictRow[];
  numbers: NumberRow[];
  claims: ClaimRow[];
  onlyIn: OnlyInRow[];
  /** Every span the sections refer to, for the HTML report to mark and anchor. */
  refs: SpanRef[];
}

/** Speakers shown per quotation: the named ones, else the source as written. */
const NO_SPEAKER = 'unattributed';

export const spanAnchor = (article: number, span: Pick<Span, 'start' | 'end'>): string => `s${article}-${span.start}-${span.end}`;

export function storyView(story: Story): StoryView {
  const refs = new Map<string, SpanRef>();
  const ref = (article: number, span: Span): SpanRef => {
    const anchor = spanAnchor(article, span);
    const known = refs.get(anchor);
    if (known) return known;
    const entry = story.articles[article]!;
    const block = entry.article.blocks.findIndex((b) => b.start <= span.start && span.start < b.end);
    const r: SpanRef = { article, span, outlet: articleLabel(entry), paragraph: block + 1, anchor };
    refs.set(anchor, r);
    return r;
  };
  const name = (id: string | null): string => (id ? story.entities.find((e) => e.id === id)?.name ?? id : NO_SPEAKER);
  const names = (ids: readonly string[]): string => (ids.length ? ids.map(name).join(' or ') : NO_SPEAKER);
  const label = (article: number): string => articleLabel(story.articles[article]!);

  const summary = story.summary.map((s) => ref(s.article, s.span));

  const quotes: QuoteRow[] = story.alignedQuotes.map((q) => ({
    id: q.id,
    description: q.description,
    verdict: q.verdict,
    speakers: q.speakers,
    related: q.related,
    sides: q.quotes.map((side) => {
      const a = story.articles[side.article]!.attributions.find((x) => x.id === side.attribution);
      return { ref: ref(side.article, side.span), who: side.speakers.length ? names(side.speakers) : a?.source?.text ?? NO_SPEAKER };
    }),
  }));

  const conflicts: ConflictRow[] = story.conflicts.map((c) => {
    const q = c.quote ? story.alignedQuotes.find((x) => x.id === c.quote) : undefined;
    const first = story.articles[c.sides[0].article]!.attributions.find((a) => a.id === c.sides[0].attribution);
    const what = q ? ref(q.quotes[0].article, q.quotes[0].span) : first?.content[0] ? ref(c.sides[0].article, first.content[0]) : null;
    return {
      id: c.id,
      verdict: c.verdict,
      related: c.related,
      what,
      sides: c.sides.map((s) => ({ outlet: label(s.article), who: names(s.speakers), source: s.source ? ref(s.article, s.source) : null, cue: s.cue?.text ?? null })),
    };
  });

  const interval = (q: Story['numbers'][number]['quantities'][number]): string =>
    q.low === q.high ? String(q.value) : q.high === null ? `more than ${q.low}` : `${q.low}–${q.high}`;
  const numbers: NumberRow[] = story.numbers.map((n) => ({
    id: n.id,
    verdict: n.verdict,
    sides: n.quantities.map((q) => ({ ref: ref(q.article, q.span), counted: q.counted, interval: interval(q) })),
  }));

  const claims: ClaimRow[] = story.claims.map((k) => ({
    id: k.id,
    type: k.type,
    by: name(k.by),
    alsoBy: k.alsoBy.map(name),
    against: k.against ? name(k.against) : null,
    outlets: [...new Set(k.mentions.map((m) => m.article))].sort((a, b) => a - b).map(label),
    mentions: k.mentions.map((m) => m.spans.map((sp) => ref(m.article, sp))),
  }));

  const factById = new Map(story.coverage.facts.map((f) => [f.id, f]));
  const onlyIn: OnlyInRow[] = story.coverage.onlyIn.map((o) => ({
    article: o.article,
    outlet: label(o.article),
    facts: o.facts.flatMap((id) => factById.get(id)?.mentions.map((m) => ref(m.article, m.span)) ?? []),
    entities: (story.coverage.uniqueEntities.find((u) => u.article === o.article)?.entities ?? []).map((e) => ({ name: name(e.entity), ref: ref(o.article, e.sentence) })),
    quotes: (story.coverage.uniqueQuotes.find((u) => u.article === o.article)?.quotes ?? []).map((q) => ref(o.article, q)),
  }));

  const outlets: OutletRow[] = story.articles.map((entry, article) => ({
    article,
    outlet: articleLabel(entry),
    published: entry.article.published,
    title: entry.article.title,
    words: entry.article.text.split(/\s+/).filter(Boolean).length,
    sharedFacts: story.coverage.facts.filter((f) => f.articles.length > 1 && f.articles.includes(article)).length,
    onlyFacts: story.coverage.onlyIn.find((o) => o.article === article)?.facts.length ?? 0,
    quoted: story.coverage.quoted.filter((q) => q.article === article && q.speaker !== null).map((q) => ({ who: name(q.speaker), attributions: q.attributions, words: q.words })),
  }));

  return { summary, outlets, quotes, conflicts, numbers, claims, onlyIn, refs: [...refs.values()] };
}

/** What a claim type is called in the report. */
export const CLAIM_TYPE_LABEL: Readonly<Record<ClaimRow['type'], string>> = {
  accusation: 'accuses',
  denial: 'denies',
  response: 'responds to',
  evidence: 'cites as evidence',
};

/** What a speaker verdict means, in words. */
export const SPEAKER_VERDICT_LABEL: Readonly<Record<QuoteRow['speakers'], string>> = {
  same: 'same speaker',
  different: 'different speakers',
  ambiguous: 'speaker ambiguous in one outlet',
  unknown: 'speaker not stated in one outlet',
};
