/**
 * The story's timeline: every dated event of every article, merged across outlets. Two date mentions are one
 * event when they have the same value and grain and their sentences name a common entity of the story or share
 * content words (single link: A–B and B–C make one event). Events are ordered by the first day they cover,
 * coarser grains first (2024 before 2024-10 before 2024-10-21), then by first mention.
 */
import type { DateGrain, ExtractRecord, Span } from '../model/schema.js';
import { firstDay } from '../extract/dates/calendar.js';
import type { StoryEntity } from './entities.js';
import { contentStems, shared } from './words.js';

export interface TimelineMention {
  /** Index of the article in the story. */
  article: number;
  /** The date expression and the sentence it anchors. */
  date: Span;
  sentence: Span;
  /** Story entity ids named in the sentence. */
  entities: string[];
}

export interface TimelineEvent {
  id: string;
  value: string;
  grain: DateGrain;
  /** The first day the value covers (2024-10 → 2024-10-01), for ordering. */
  start: string;
  /** The articles it is reported in (indexes), in story order. */
  articles: number[];
  mentions: TimelineMention[];
}

/** Content words two sentences must share (besides entities) to be one event. */
export const DEFAULT_SHARED_WORDS = 2;

const GRAIN_ORDER: Record<DateGrain, number> = { decade: 0, year: 1, quarter: 2, month: 3, week: 4, day: 5, time: 6 };


export function buildTimeline(records: readonly Pick<ExtractRecord, 'dates'>[], entities: readonly StoryEntity[]): TimelineEvent[] {
  // Article entity id → story entity id.
  const storyId = new Map<string, string>();
  for (const s of entities) for (const ref of s.in) storyId.set(`${ref.article}:${ref.entity}`, s.id);
  type Item = TimelineMention & { value: string; grain: DateGrain; words: Set<string>; order: number };
  const items: Item[] = [];
  records.forEach((r, article) => {
    for (const d of r.dates) {
      if (!d.value || !d.grain || !d.event) continue;
      const ids = [...new Set(d.event.entities.map((e) => storyId.get(`${article}:${e}`)).filter((x): x is string => x !== undefined))];
      items.push({ article, date: d.span, sentence: d.event.span, entities: ids, value: d.value, grain: d.grain, words: contentStems(d.event.span.text), order: items.length });
    }
  });
  // Single-link clusters within each (value, grain).
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!, b = items[j]!;
      if (a.value !== b.value || a.grain !== b.grain) continue;
      const sameSentence = a.article === b.article && a.sentence.start === b.sentence.start;
      const sharedEntity = a.entities.some((e) => b.entities.includes(e));
      if (sameSentence || sharedEntity || shared(a.words, b.words) >= DEFAULT_SHARED_WORDS) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Item[]>();
  for (let i = 0; i < items.length; i++) {
    const root = find(i);
    const g = groups.get(root) ?? [];
    g.push(items[i]!);
    groups.set(root, g);
  }
  const events = [...groups.values()].map((g) => ({
    value: g[0]!.value,
    grain: g[0]!.grain,
    start: firstDay(g[0]!.value),
    articles: [...new Set(g.map((m) => m.article))].sort((a, b) => a - b),
    mentions: g.map(({ article, date, sentence, entities: e }) => ({ article, date, sentence, entities: e })),
    order: Math.min(...g.map((m) => m.order)),
  }));
  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : GRAIN_ORDER[a.grain] - GRAIN_ORDER[b.grain] || a.order - b.order));
  return events.map(({ order: _order, ...e }, k) => ({ id: `t${k + 1}`, ...e }));
}
