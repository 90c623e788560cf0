import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type ExtractRecord, type Story } from '../model/schema.js';
import { mapClaims } from './claims.js';
import { findConflicts } from './conflicts.js';
import { storyContext } from './context.js';
import { linkSentences, measureCoverage } from './coverage.js';
import { mergeStoryEntities } from './entities.js';
import { compareNumbers } from './numbers.js';
import { alignQuotes, describeAlignment } from './quotes.js';
import { summarize } from './summary.js';
import { buildTimeline } from './timeline.js';

export interface StoryOptions {
  /** Timestamp written into the report; fixed in tests so output is reproducible. */
  now?: Date;
}

/** Earliest first: undated articles after dated ones, ties kept in input order. */
function byPublished(a: ExtractRecord, b: ExtractRecord): number {
  const pa = a.article.published;
  const pb = b.article.published;
  if (pa === pb) return 0;
  if (pa === null) return 1;
  if (pb === null) return -1;
  return pa < pb ? -1 : 1;
}

/** How the report names an article: its outlet, else its input. */
const labelOf = (r: ExtractRecord): string => r.article.source ?? r.input;

/**
 * The story stage: gathers the extracted articles of one story, merges their entities and their dated events
 * (the timeline), and compares the outlets: aligned quotes, attribution conflicts, numbers, the claims map,
 * coverage, and a headline summary in the articles' own words (docs/story.md).
 */
export function buildStory(records: readonly ExtractRecord[], options: StoryOptions = {}): Story {
  const ordered = [...records].sort(byPublished);
  const ids = ordered.map((r) => r.article.id).sort();
  const id = createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 12);
  const sources = [...new Set(ordered.map(labelOf))];
  const dates = ordered.map((r) => r.article.published).filter((d): d is string => d !== null).sort();
  const entities = mergeStoryEntities(ordered);
  const ctx = storyContext(ordered, entities);
  const quotes = alignQuotes(ctx);
  const links = linkSentences(ctx);
  const coverage = measureCoverage(ctx, links, quotes);
  // Two articles of one outlet are told apart by their order ("CNBC", "CNBC (2)").
  const seen = new Map<string, number>();
  const labels = ordered.map((r) => { const l = labelOf(r); const n = (seen.get(l) ?? 0) + 1; seen.set(l, n); return n > 1 ? `${l} (${n})` : l; });
  return {
    schema: SCHEMA_VERSION,
    id,
    title: ordered.find((r) => r.article.title)?.article.title ?? null,
    generated: (options.now ?? new Date()).toISOString(),
    articles: ordered.map((r) => ({
      input: r.input,
      article: r.article,
      entities: r.entities,
      attributions: r.attributions,
      dates: r.dates,
    })),
    sources,
    dateRange: { first: dates[0] ?? null, last: dates.at(-1) ?? null },
    entities,
    timeline: buildTimeline(ordered, entities),
    summary: summarize(ctx, coverage),
    alignedQuotes: quotes.map((q) => ({ ...q, description: describeAlignment(q, [labels[q.quotes[0].article]!, labels[q.quotes[1].article]!]) })),
    conflicts: findConflicts(ctx, quotes),
    numbers: compareNumbers(ctx, links),
    claims: mapClaims(ctx),
    coverage,
  };
}
