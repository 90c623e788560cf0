/**
 * The shapes the web UI reads from the HTTP API (docs/api.md). They mirror the zod schemas of
 * src/model/schema.ts (`ExtractRecord`, `Story`) and the store's summaries (src/store/store.ts);
 * schema-check.ts makes the compiler say when the two drift apart.
 */

/** Half-open UTF-16 offsets into `article.text`; `text === article.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type BlockKind = 'paragraph' | 'heading' | 'caption' | 'credit' | 'boilerplate';
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  rule?: string;
}

export interface Article {
  id: string;
  source: string | null;
  url: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  text: string;
  blocks: Block[];
  links: Array<{ start: number; end: number; href: string }>;
  language?: string | null;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';
export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  roles: string[];
  affiliations: string[];
  mentions: Span[];
  canonical?: string;
}

export type AttributionKind = 'direct' | 'mixed' | 'indirect';
export interface Attribution {
  id: string;
  kind: AttributionKind;
  content: Span[];
  cue: Span | null;
  source: Span | null;
  speaker: string | null;
  via: Array<{ entity: string | null; span: Span; rule?: string }>;
  alternatives?: string[];
  continues?: string;
  rule?: string;
}

export type DateGrain = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'time';
export interface DateMention {
  span: Span;
  value: string | null;
  grain: DateGrain | null;
  rule?: string;
  reason?: string;
  event?: { span: Span; entities: string[] };
}

export interface Message {
  code: string;
  severity: 'info' | 'warning' | 'error';
  reason: string;
  span?: Span;
  rule?: string;
}

/** One `parallax extract --json` record: an article and everything extracted from it. */
export interface ExtractRecord {
  schema: 1;
  input: string;
  article: Article;
  entities: Entity[];
  attributions: Attribution[];
  dates: DateMention[];
  messages?: Message[];
}

export interface StoryArticle {
  input: string;
  article: Article;
  entities: Entity[];
  attributions: Attribution[];
  dates: DateMention[];
}

export interface StoryEntity {
  id: string;
  canonical: string;
  type: EntityType;
  name: string;
  roles: string[];
  aliases: string[];
  mentions: number;
  in: Array<{ article: number; entity: string }>;
}

export interface TimelineEvent {
  id: string;
  value: string;
  grain: DateGrain;
  start: string;
  articles: number[];
  mentions: Array<{ article: number; date: Span; sentence: Span; entities: string[] }>;
}

export interface StoryQuote {
  article: number;
  span: Span;
  attribution: string | null;
  speakers: string[];
}

export type QuoteVerdict = 'identical' | 'punctuation' | 'part' | 'wording';
export type SpeakerVerdict = 'same' | 'different' | 'ambiguous' | 'unknown';

export interface AlignedQuote {
  id: string;
  quotes: [StoryQuote, StoryQuote];
  verdict: QuoteVerdict;
  longer?: 0 | 1;
  diff: { added: string[]; dropped: string[]; changed: Array<[string, string]> };
  speakers: SpeakerVerdict;
  related: boolean;
  description: string;
}

export interface ConflictSide {
  article: number;
  attribution: string;
  speakers: string[];
  source: Span | null;
  cue: Span | null;
}

export interface Conflict {
  id: string;
  verdict: 'different' | 'ambiguous';
  related: boolean;
  quote: string | null;
  sides: [ConflictSide, ConflictSide];
}

export interface Quantity {
  article: number;
  span: Span;
  counted: string;
  value: number;
  low: number;
  high: number | null;
  kind: 'count' | 'money' | 'percent';
  sentence: Span;
}

export type ClaimType = 'accusation' | 'denial' | 'response' | 'evidence';
export interface Claim {
  id: string;
  type: ClaimType;
  by: string;
  alsoBy: string[];
  against: string | null;
  mentions: Array<{ article: number; attribution: string | null; spans: Span[] }>;
}

export interface Coverage {
  facts: Array<{ id: string; articles: number[]; mentions: Array<{ article: number; span: Span }> }>;
  onlyIn: Array<{ article: number; facts: string[] }>;
  uniqueEntities: Array<{ article: number; entities: Array<{ entity: string; sentence: Span }> }>;
  quoted: Array<{ article: number; speaker: string | null; attributions: number; words: number }>;
  uniqueQuotes: Array<{ article: number; quotes: Span[] }>;
}

/** The story report (`parallax analyze --format json`; docs/story.md). */
export interface Story {
  schema: 1;
  id: string;
  title: string | null;
  generated: string;
  articles: StoryArticle[];
  sources: string[];
  dateRange: { first: string | null; last: string | null };
  entities: StoryEntity[];
  timeline: TimelineEvent[];
  summary: Array<{ fact: string | null; article: number; span: Span }>;
  alignedQuotes: AlignedQuote[];
  conflicts: Conflict[];
  numbers: Array<{ id: string; verdict: 'consistent' | 'conflict'; quantities: Quantity[] }>;
  claims: Claim[];
  coverage: Coverage;
}

// ---- The API's own shapes (docs/api.md) ----

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

export interface StoriesResponse {
  stories: StorySummary[];
  total: number;
}

export interface Duplicate {
  id: string;
  duplicateOf: string;
  similarity: number;
  source: string | null;
  title: string | null;
}

export interface StoryEvent {
  type: 'new' | 'join' | 'merge';
  story: string;
  article: string;
  merged?: string;
  score?: number;
}

export interface StoryResponse {
  summary: StorySummary;
  analysis: Story;
  duplicates: Duplicate[];
  history: StoryEvent[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  story: string;
  duplicateOf: string | null;
  snippet?: string;
}

export interface ArticleResponse {
  summary: ArticleSummary;
  record: ExtractRecord;
}

export interface SearchHit {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  story: string;
  snippet: string;
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
