/**
 * The shapes the web UI reads from the HTTP API (docs/api.md): the extract record and the story report are the
 * types of src/model/schema.ts (inferred from its zod schemas), the store's summaries those of
 * src/store/summaries.ts and the clustering history's events those of the clusterer, so the UI cannot drift from
 * what the server sends. Type imports only: nothing of src/ is bundled.
 */
import type { ExtractRecord, Story } from '../../src/model/schema';
import type { ArticleSummary as StoredArticle, CopySummary, SearchHit, StorySummary } from '../../src/store/summaries';
import type { StoryEvent } from '../../src/story/cluster/online';

export type {
  Article,
  Attribution,
  AttributionKind,
  BlockKind,
  DateGrain,
  DateMention,
  Entity,
  EntityType,
  ExtractRecord,
  Message,
  Span,
  Story,
} from '../../src/model/schema';
export type { SearchHit, StoryEvent, StorySummary };

export type StoryArticle = Story['articles'][number];
export type StoryEntity = Story['entities'][number];
export type TimelineEvent = Story['timeline'][number];
export type AlignedQuote = Story['alignedQuotes'][number];
export type StoryQuote = AlignedQuote['quotes'][number];
export type QuoteVerdict = AlignedQuote['verdict'];
export type SpeakerVerdict = AlignedQuote['speakers'];
export type Conflict = Story['conflicts'][number];
export type ConflictSide = Conflict['sides'][number];
export type Quantity = Story['numbers'][number]['quantities'][number];
export type Claim = Story['claims'][number];
export type ClaimType = Claim['type'];
export type Coverage = Story['coverage'];
export type Duplicate = CopySummary;
/** A stored article; with a snippet when it was found by a search. */
export type ArticleSummary = StoredArticle & { snippet?: string };

// ---- The API's own shapes (docs/api.md) ----

export interface StoriesResponse {
  stories: StorySummary[];
  total: number;
}

export interface StoryResponse {
  summary: StorySummary;
  analysis: Story;
  duplicates: Duplicate[];
  history: StoryEvent[];
}

export interface ArticleResponse {
  summary: ArticleSummary;
  record: ExtractRecord;
}

export interface SearchResponse {
  hits: SearchHit[];
}

export type AddStatus = 'new' | 'duplicate' | 'unchanged' | 'failed';
export interface AddResult {
  input: string;
  status: AddStatus;
  id?: string;
  story?: string;
  duplicateOf?: string;
  similarity?: number;
  error?: string;
  reason?: string;
}

export interface AddResponse {
  results: AddResult[];
  summary: { read: number; new: number; duplicate: number; near: number; unchanged: number; failed: number; reasons: Record<string, number> };
}

export interface HealthResponse {
  ok: boolean;
  version: string;
  store: { engine: string; articles: number; stories: number; duplicates: number };
}

/** One article as `POST /api/articles` takes it. */
export interface NewArticle {
  text?: string;
  html?: string;
  source?: string;
  url?: string;
  title?: string;
  published?: string;
}
