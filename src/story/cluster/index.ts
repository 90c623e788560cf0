/**
 * Story clustering over extracted records, as ingest runs it: the records in publication-date order (undated ones
 * where they stand, ties in input order), each given to the online clusterer (online.ts) with the people,
 * organisations and places it names.
 */
import type { ExtractRecord } from '../../model/schema.js';
import { OnlineClusterer, type ClusterInput, type ClusterOptions } from './online.js';

export { isBinarySnapshot } from './snapshot-binary.js';
export { OnlineClusterer, DEFAULT_CLUSTER_OPTIONS, type ClusterInput, type ClusterOptions, type ClusterSnapshot, type ClusterSnapshotV1, type ClusterTerms, type StoryEvent } from './online.js';

/** The clusterer's view of a record: title, text, date and the canonical entities it names (not `other`). */
export function clusterInput(id: string, record: Pick<ExtractRecord, 'article' | 'entities'>): ClusterInput {
  return {
    id,
    title: record.article.title,
    text: record.article.text,
    published: record.article.published,
    entities: record.entities.filter((e) => e.type !== 'other').map((e) => ({ canonical: e.canonical ?? `${e.type}:${e.name.toLowerCase()}`, mentions: e.mentions.length })),
  };
}

/** Publication-date order, stable: dated records by date, an undated one keeps its place after the one before it. */
export function arrivalOrder(records: ReadonlyArray<Pick<ExtractRecord, 'article'>>): number[] {
  const key = records.map((r, i) => ({ i, date: r.article.published?.slice(0, 10) ?? null }));
  // Undated records take the date of the record before them, so they stay where they are among the dated.
  let last = '';
  for (const k of key) { if (k.date === null) k.date = last; else last = k.date; }
  return key.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.i - b.i)).map((k) => k.i);
}

/** The story id of each record (input order), and the clusterer (its history of joins and merges). */
export function clusterRecords(records: ReadonlyArray<Pick<ExtractRecord, 'article' | 'entities'>>, options: ClusterOptions = {}): { stories: string[]; clusterer: OnlineClusterer } {
  const clusterer = new OnlineClusterer(options);
  for (const i of arrivalOrder(records)) clusterer.add(clusterInput(String(i), records[i]!));
  return { stories: records.map((_, i) => clusterer.storyOf(String(i))!), clusterer };
}
