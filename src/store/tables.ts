/** The store's tables as the query layer sees them (Kysely types); the same on SQLite and PostgreSQL. */
import type { Generated } from 'kysely';

export interface ArticlesTable {
  /** Arrival order: the clustering log is replayed in this order. */
  seq: Generated<number>;
  /** The article's id (ingest: outlet + URL, else the text's hash): storing it twice is a no-op. */
  id: string;
  input: string;
  source: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  /** YYYY-MM-DD of `published`, for the time filters. */
  day: string | null;
  /** Hash of the text's words: equal keys are exact duplicates. */
  text_key: string;
  /** The article this one copies (exact or near duplicate), or null for an original. */
  duplicate_of: string | null;
  /** Estimated Jaccard similarity to `duplicate_of` (1 for exact copies). */
  duplicate_similarity: number | null;
  story_id: string;
  /** The clusterer's view of the article (term counts and date, JSON), null for duplicates (not clustered). */
  cluster_terms: string | null;
  /** MinHash signature (bytes), null for texts too short to have one. */
  signature: Buffer | null;
  /** The whole extraction record (docs/contract.md), JSON. */
  record: string;
  ingested_at: string;
}

export interface EntitiesTable {
  article_id: string;
  canonical: string;
  name: string;
  type: string;
  mentions: number;
}

export interface LshBandsTable {
  /** `MinHasher.bandKeys`: the band number above its 32-bit hash. */
  band: number;
  /** The article's `seq`. */
  article_seq: number;
}

export interface StoriesTable {
  id: string;
  title: string | null;
  first_day: string | null;
  last_day: string | null;
  /** Articles in the story, duplicates included. */
  articles: number;
  /** Articles that are not copies of another: what coverage counts. */
  originals: number;
  /** The story this one was merged into, or null while it stands. */
  merged_into: string | null;
  created_at: string;
  updated_at: string;
  /** The cross-outlet analysis (JSON), cached; stale when `analysis_articles` differs from `articles`. */
  analysis: string | null;
  analysis_articles: number | null;
}

export interface StoryEventsTable {
  seq: Generated<number>;
  type: string;
  story: string;
  merged: string | null;
  article_id: string;
  score: number | null;
  at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ClusterSnapshotsTable {
  /** The clusterer's state after the article with this `seq` (story/cluster/snapshot-binary.ts; gzipped JSON before). */
  seq: number;
  state: Buffer;
  created_at: string;
}

export interface Tables {
  cluster_snapshots: ClusterSnapshotsTable;
  articles: ArticlesTable;
  entities: EntitiesTable;
  lsh_bands: LshBandsTable;
  /** The latest articles' bands, moved into `lsh_bands` every BAND_MERGE_EVERY articles. */
  lsh_bands_recent: LshBandsTable;
  stories: StoriesTable;
  story_events: StoryEventsTable;
  meta: MetaTable;
}
