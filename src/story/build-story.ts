import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, type ExtractRecord, type Story } from '../model/schema.js';
import { mergeStoryEntities } from './entities.js';
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

/**
 * The story stage: gathers the extracted articles of one story, merges their entities and their dated events
 * (the timeline). Cross-outlet sections (aligned quotes, conflicts, claims) are added by later issues.
 */
export function buildStory(records: readonly ExtractRecord[], options: StoryOptions = {}): Story {
  const ordered = [...records].sort(byPublished);
  const ids = ordered.map((r) => r.article.id).sort();
  const id = createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 12);
  const sources = [...new Set(ordered.map((r) => r.article.source ?? r.input))];
  const dates = ordered.map((r) => r.article.published).filter((d): d is string => d !== null).sort();
  const entities = mergeStoryEntities(ordered);
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
  };
}
