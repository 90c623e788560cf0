/**
 * The store's summaries of stories and articles, as the CLI prints them and the HTTP API returns them. Types only,
 * with no imports, so that the web UI reads the same declarations (web/src/types.ts).
 */

export interface StorySummary {
  id: string;
  title: string | null;
  firstDay: string | null;
  lastDay: string | null;
  /** Articles in all, copies included. */
  articles: number;
  /** Articles that are not copies of another. */
  originals: number;
  sources: string[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  story: string;
  duplicateOf: string | null;
}

export interface SearchHit {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  story: string;
  snippet: string;
}

/** A stored copy of another article of the story. */
export interface CopySummary {
  id: string;
  duplicateOf: string;
  /** Estimated share of shared word shingles (1 = the same words). */
  similarity: number;
  source: string | null;
  title: string | null;
}
